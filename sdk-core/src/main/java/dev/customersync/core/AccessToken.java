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

  /** A token without a refresh token. */
  public static AccessToken of(String value, Instant expiresAt) {
    return new AccessToken(value, expiresAt, null, null);
  }

  /** The access token itself, as sent in {@code Authorization: Bearer}. */
  public String value() {
    return value;
  }

  /** When the vendor stops accepting the access token. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The refresh token that can renew this one, when the grant gave one. */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /** When the refresh token stops being accepted, when the endpoint said. */
  public Optional<Instant> refreshExpiresAt() {
    return Optional.ofNullable(refreshExpiresAt);
  }

  /** Whether the refresh token can still be used at {@code now}. */
  public boolean canRefreshAt(Instant now) {
    return refreshToken != null && (refreshExpiresAt == null || now.isBefore(refreshExpiresAt));
  }

  /** The same token marked as expired at {@code now}, keeping its refresh token. */
  public AccessToken expiredAt(Instant now) {
    return new AccessToken(value, now, refreshToken, refreshExpiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken{value=****, expiresAt=" + expiresAt + ", refreshToken="
        + (refreshToken == null ? "none" : "****") + "}";
  }
}
