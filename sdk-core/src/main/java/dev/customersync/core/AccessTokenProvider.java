package dev.customersync.core;

import java.util.Objects;

/**
 * Supplies the bearer token a vendor client sends. Either a fixed token ({@link #of(String)}) or a
 * {@link CachingAccessTokenProvider} that fetches, caches and renews tokens.
 *
 * <p>After a 401 the client calls {@link #invalidate(String)} with the token that was refused and,
 * when {@link #canRefresh()}, asks again and retries once.
 */
public interface AccessTokenProvider {

  /** {@return a valid token, fetched or renewed first when needed} */
  String accessToken();

  /**
   * The vendor refused {@code token}; do not hand it out again.
   *
   * @param token the token the vendor refused
   */
  default void invalidate(String token) {}

  /**
   * {@return whether {@link #accessToken()} can ever return a different token after an
   * invalidation}
   */
  default boolean canRefresh() {
    return false;
  }

  /**
   * {@return a provider that always returns {@code token}} Its {@code toString()} hides the token.
   *
   * @param token the fixed access token, not blank
   */
  static AccessTokenProvider of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("access token must not be blank");
    }
    return new AccessTokenProvider() {
      @Override
      public String accessToken() {
        return token;
      }

      @Override
      public String toString() {
        return "AccessTokenProvider{static, token=****}";
      }
    };
  }
}
