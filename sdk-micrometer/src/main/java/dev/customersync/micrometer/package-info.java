/**
 * <b>Public API</b> of the Micrometer module: metrics and Observations (timers, counters and, with
 * a tracing bridge, spans) for every vendor call of a client and every outcome of a sync run. Its
 * package-private classes may change in any release. Depends on {@code core}, {@code core.sync}
 * and Micrometer; nothing in the SDK depends on it.
 *
 * <p>Every tag is a small closed vocabulary (vendor, operation, HTTP method, endpoint template,
 * status, outcome, retry reason): never a customer id, a name, an e-mail, a phone number, a token
 * or a body, so no meter grows a time series per customer.
 *
 * <p>Start with {@link dev.customersync.micrometer.ObservationVendorCallListener} for an
 * application with an {@code ObservationRegistry} (Spring Boot has one), {@link
 * dev.customersync.micrometer.MicrometerVendorCallListener} for meters alone on a {@code
 * MeterRegistry}, and {@link dev.customersync.micrometer.MicrometerOutcomeListener} for a sync
 * run's per-item outcomes. {@link dev.customersync.micrometer.CustomerSyncObservationDocumentation}
 * lists the Observation's keys.
 */
@NullMarked
package dev.customersync.micrometer;

import org.jspecify.annotations.NullMarked;
