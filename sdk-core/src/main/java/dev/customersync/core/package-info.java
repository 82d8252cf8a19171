/**
 * <b>Public API.</b> What an application configures and calls: the neutral {@link
 * dev.customersync.core.Customer} and {@link dev.customersync.core.Address}, the {@link
 * dev.customersync.core.CustomerUpdater} contract every vendor module implements and its {@link
 * dev.customersync.core.UpdateResult}, the exception hierarchy under {@link
 * dev.customersync.core.CustomerSyncException}, and the policies a client is built with ({@link
 * dev.customersync.core.RetryPolicy}, {@link dev.customersync.core.Timeouts}, {@link
 * dev.customersync.core.RateLimiter} with a vendor's {@link dev.customersync.core.RateLimits}, {@link
 * dev.customersync.core.AccessTokenProvider}, and the {@link dev.customersync.core.AccessTokenCache}
 * a client may keep its tokens in).
 *
 * <p>Depends on nothing of this SDK but {@code core.json} and {@code core.internal}; no vendor
 * knowledge and no OkHttp type appears here. Every package of the SDK may depend on it.
 */
@NullMarked
package dev.customersync.core;

import org.jspecify.annotations.NullMarked;
