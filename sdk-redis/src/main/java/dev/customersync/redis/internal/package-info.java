/**
 * <b>Internal.</b> Key names, Lua scripts, the token codec and Redis calls of the Redis module; no
 * promise to anyone outside {@code dev.customersync.redis}, which is its only user.
 */
@NullMarked
package dev.customersync.redis.internal;

import org.jspecify.annotations.NullMarked;
