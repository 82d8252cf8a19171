/**
 * <b>Public API for tests.</b> Contracts (a TCK) that every implementation of a core policy must
 * pass: extend {@link dev.customersync.testkit.tck.RateLimiterContract} with a test that builds your
 * limiter, and it runs the shared behaviour against it. Depends on {@code core} and JUnit 5.
 */
@NullMarked
package dev.customersync.testkit.tck;

import org.jspecify.annotations.NullMarked;
