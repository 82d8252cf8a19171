/**
 * <b>SPI: stable for the SDK's own modules, not promised to applications.</b> What a vendor module
 * is built from: the HTTP engine every vendor call goes through ({@link
 * dev.customersync.core.spi.VendorHttpClient}: tokens, rate-limit permits, retries, bounded
 * reads, error parsing, redaction), requests and responses, the {@link
 * dev.customersync.core.spi.ErrorParser} a vendor plugs in, OAuth2 token fetching, base-URL checks,
 * the builder settings every vendor client shares, and the {@link
 * dev.customersync.core.spi.Redactor} that keeps secrets out of text.
 *
 * <p>Depends on {@code core}, {@code core.json}, OkHttp and Jackson. The vendor modules and the
 * SDK's integration modules (Redis, metrics, sync state) may depend on it; an application that does
 * should expect changes in minor versions.
 */
@NullMarked
package dev.customersync.core.spi;

import org.jspecify.annotations.NullMarked;
