/**
 * JMH benchmarks and paired runs (not published; run by {@code benchmarks/run.sh}). They measure
 * through what the modules expose and put no class into another module's package.
 */
@NullMarked
package dev.customersync.benchmarks;

import org.jspecify.annotations.NullMarked;
