package dev.customersync.bokamera;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a DTO property that may be absent. Immutables treats any annotation named {@code Nullable}
 * this way: the builder accepts null, the value holds null, and Jackson leaves the property out of
 * requests. This module defines its own so that no extra dependency is needed.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface Nullable {}
