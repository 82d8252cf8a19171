package dev.customersync.core;

/**
 * Where a client keeps the access tokens it fetches, in place of its own memory: the Redis module's
 * {@code RedisAccessTokenCache} keeps one token for every instance of an application, so that ten
 * instances starting together make one token request, not ten. Give it to a client builder's
 * {@code tokenCache(..)} (Storm with client credentials, BokaMera with {@code login(..)}).
 *
 * <p>The client calls {@link #provider} once, when it is built, and uses the provider returned for
 * every call: {@link AccessTokenProvider#accessToken()} before each attempt, {@link
 * AccessTokenProvider#invalidate(String)} with a token the vendor refused. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface AccessTokenCache {

  /**
   * The token source of one client.
   *
   * @param vendor the vendor's short name, e.g. {@code "storm"}
   * @param credentialFingerprint a one-way fingerprint of what the tokens are issued for (token
   *     endpoint, client or user, scope), never a secret; clients with equal fingerprints may share
   *     tokens
   * @param fetcher fetches a new token from the vendor's token endpoint, blocking the calling thread
   * @return the provider the client asks for every token
   */
  AccessTokenProvider provider(String vendor, String credentialFingerprint, CachingAccessTokenProvider.TokenFetcher fetcher);
}
