/**
 * <b>Internal: no compatibility promise.</b> Helpers of {@code sdk-core} that must be public for
 * Java's package rules. Nothing outside this SDK's own modules may depend on it; its contents may
 * change or disappear in any release.
 */
@NullMarked
package dev.customersync.core.internal;

import org.jspecify.annotations.NullMarked;
