/**
 * <b>SPI.</b> Jackson configuration shared by the vendor modules: one way to build an {@code
 * ObjectMapper}, the WCF {@code /Date(ms±hhmm)/} form Storm and BokaMera use, and the neutral
 * customer's own JSON form used by sync reports.
 *
 * <p>Depends on {@code core} and Jackson only. The SDK's modules may depend on it; applications
 * should not.
 */
@NullMarked
package dev.customersync.core.json;

import org.jspecify.annotations.NullMarked;
