package dev.customersync.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer token with its expiry and, for OpenID Connect password grants, the refresh token that
 * can renew it. {@link #toString()} never shows either token.
 */
public final class AccessToken {

  private final String value;
  private final Instant expiresAt;
  private final String refreshToken;
  private final Instant refreshExpiresAt;

  /**
   * @param value the access token
   * @param expiresAt when it stops being accepted
   * @param refreshToken the refresh token, or null
   * @param refreshExpiresAt when the refresh token stops being accepted, or null when unknown
   */
  public AccessToken(String value, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {
    this.value = Objects.requireNonNull(value, "value");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.refreshToken = refreshToken;
    this.refreshExpiresAt = refreshExpiresAt;
  }

  /**
   * {@return a token without a refresh token}
   *
   * @param value the access token
   * @param expiresAt when it stops being accepted
   */
  public static AccessToken of(String value, Instant expiresAt) {
    return new AccessToken(value, expiresAt, null, null);
  }

  /** {@return the access token itself, as sent in {@code Authorization: Bearer}} */
  public String value() {
    return value;
  }

  /** {@return when the vendor stops accepting the access token} */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** {@return the refresh token that can renew this one, when the grant gave one} */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /** {@return when the refresh token stops being accepted, when the endpoint said} */
  public Optional<Instant> refreshExpiresAt() {
    return Optional.ofNullable(refreshExpiresAt);
  }

  /**
   * {@return whether the refresh token can still be used at {@code now}}
   *
   * @param now the current time
   */
  public boolean canRefreshAt(Instant now) {
    return refreshToken != null && (refreshExpiresAt == null || now.isBefore(refreshExpiresAt));
  }

  /**
   * {@return the same token marked as expired at {@code now}, keeping its refresh token}
   *
   * @param now the current time
   */
  public AccessToken expiredAt(Instant now) {
    return new AccessToken(value, now, refreshToken, refreshExpiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken{value=****, expiresAt=" + expiresAt + ", refreshToken="
        + (refreshToken == null ? "none" : "****") + "}";
  }
}
