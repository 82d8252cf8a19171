/**
 * <b>Public API</b> of the Spring Boot module: auto-configuration that turns {@code customersync.*}
 * properties into vendor client beans, a {@code CustomerSync} bean over them and Micrometer wiring.
 * The auto-configuration classes are registered in {@code
 * META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports} only; an
 * application never names them. Depends on {@code core}, {@code core.sync}, Spring Boot, and,
 * each optional, the vendor modules, {@code micrometer} and Boot's actuator.
 *
 * <p>Start with {@link dev.customersync.boot.autoconfigure.CustomerSyncProperties} for the
 * properties, and the {@code BillbeeClientBuilderCustomizer} and its twins to tune a client the
 * properties cannot describe.
 */
@NullMarked
package dev.customersync.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
