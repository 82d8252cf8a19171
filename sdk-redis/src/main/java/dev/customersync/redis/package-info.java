/**
 * <b>Public API</b> of the Redis module: several instances of an application share each vendor's
 * rate budget ({@link dev.customersync.redis.RedisRateLimiter}) and access token ({@link
 * dev.customersync.redis.RedisAccessTokenCache}) through the application's own Redis. Everything
 * else (key names, scripts, the token codec) is in {@code redis.internal} and may change in any
 * release. Depends on {@code core}, Bucket4j and the application's Lettuce, on no vendor module.
 *
 * <p>Start with {@link dev.customersync.redis.RedisRateLimiter#builder(io.lettuce.core.RedisClient)}
 * and a vendor's limit table, e.g. {@code BillbeeRateLimits.rules()}.
 */
@NullMarked
package dev.customersync.redis;

import org.jspecify.annotations.NullMarked;
