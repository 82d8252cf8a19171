package dev.customersync.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells the Immutables processor (which recognizes it by its simple name) to skip a null map value
 * instead of throwing, so {@code putCustomFields("ShoeSize", null)} leaves the key unset, as a null
 * does for every other builder setter.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.METHOD})
@interface SkipNulls {}
