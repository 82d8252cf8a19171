/**
 * <b>Public API.</b> The sync engine: {@link dev.customersync.core.sync.CustomerSync} pushes one
 * customer or a stream of millions to every vendor it is linked to ({@link
 * dev.customersync.core.sync.CustomerLink}), with bounded concurrency per vendor, backpressure,
 * progress, cancellation, dry runs, per-customer ordering and a {@link
 * dev.customersync.core.sync.SyncReport}.
 *
 * <p>Depends only on {@code dev.customersync.core} (and its JSON helpers): it drives any {@link
 * dev.customersync.core.CustomerUpdater} and knows no vendor and no HTTP. Applications and
 * integration modules may depend on it; {@code core} never does.
 */
@NullMarked
package dev.customersync.core.sync;

import org.jspecify.annotations.NullMarked;
