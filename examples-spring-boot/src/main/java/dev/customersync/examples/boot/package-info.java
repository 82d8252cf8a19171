/**
 * <b>Example</b>, not API: a Spring Boot application that configures customer-sync from properties
 * (the starter), syncs the bundled sample file on start-up and shows the metrics under {@code
 * /actuator/metrics}. Start with {@link dev.customersync.examples.boot.CustomerSyncBootExample}.
 */
@NullMarked
package dev.customersync.examples.boot;

import org.jspecify.annotations.NullMarked;
