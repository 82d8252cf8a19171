package dev.customersync.core.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Keeps secrets out of text that leaves the SDK: exception messages, raw bodies kept for diagnosis,
 * log lines. A client registers every fixed secret it holds (API keys, passwords, client secrets)
 * with {@link #secret} and each token it is handed with {@link #rotatingSecret}, which forgets a
 * token once it has been replaced twice; {@link #redact} replaces each occurrence with {@link
 * #MASK}. Thread-safe.
 */
public final class Redactor {

  /** What a secret is replaced with. */
  public static final String MASK = "****";

  /** Header names whose values are never logged or shown, compared case-insensitively. */
  public static final Set<String> SENSITIVE_HEADERS =
      Set.of("authorization", "proxy-authorization", "x-api-key", "x-billbee-api-key", "cookie", "set-cookie");

  // Short values would mask harmless text (a "1" in every number); no real secret is this short.
  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final List<Supplier<String>> dynamicSecrets = new CopyOnWriteArrayList<>();
  private final Map<String, Rotation> rotating = new ConcurrentHashMap<>();

  /**
   * Registers a fixed secret, kept for the redactor's lifetime; null and very short values are
   * ignored. Use {@link #rotatingSecret} for values that are replaced, such as tokens.
   *
   * @param secret the secret, or null
   * @return this redactor
   */
  public Redactor secret(String secret) {
    if (secret != null && secret.length() >= MIN_SECRET_LENGTH && !secrets.contains(secret)) {
      secrets.add(secret);
    }
    return this;
  }

  /**
   * Registers the current value of a secret that is replaced over time, such as an access or
   * refresh token. The value takes the place of the one registered before it in {@code slot}, so a
   * token renewed 10,000 times leaves two values here, not 10,000. The value it replaces stays
   * masked until the next replacement, because an answer to a request sent with it may still be on
   * its way. Null and very short values are ignored.
   *
   * @param slot names what the value is, e.g. {@code "access token#3"}; one slot per source
   * @param value the secret's current value
   * @return this redactor
   */
  public Redactor rotatingSecret(String slot, String value) {
    Objects.requireNonNull(slot, "slot");
    if (value == null || value.length() < MIN_SECRET_LENGTH) {
      return this;
    }
    // Every request registers its token, so the common case (unchanged) must not take a lock.
    Rotation now = rotating.get(slot);
    if (now != null && now.current.equals(value)) {
      return this;
    }
    rotating.compute(slot, (k, old) -> old == null ? new Rotation(value, null)
        : old.current.equals(value) ? old : new Rotation(value, old.current));
    return this;
  }

  /** How many secret values are held (fixed and rotating); for tests that check it stays bounded. */
  int size() {
    int n = secrets.size();
    for (Rotation r : rotating.values()) {
      n += r.previous == null ? 1 : 2;
    }
    return n;
  }

  /**
   * Registers a secret that changes, such as the current access token.
   *
   * @param secret asked for the current value at every {@link #redact}; may answer null
   * @return this redactor
   */
  public Redactor dynamicSecret(Supplier<String> secret) {
    dynamicSecrets.add(secret);
    return this;
  }

  /**
   * {@return {@code text} with every registered secret replaced by {@link #MASK}}
   *
   * @param text any text, or null
   */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    for (Rotation r : rotating.values()) {
      out = out.replace(r.current, MASK);
      if (r.previous != null) {
        out = out.replace(r.previous, MASK);
      }
    }
    for (Supplier<String> d : dynamicSecrets) {
      String s = d.get();
      if (s != null && s.length() >= MIN_SECRET_LENGTH) {
        out = out.replace(s, MASK);
      }
    }
    return out;
  }

  /**
   * {@return whether a header's value must be hidden}
   *
   * @param name the header's name, in any case
   */
  public static boolean isSensitiveHeader(String name) {
    return SENSITIVE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * A short, stable, one-way fingerprint of credential parts, for rate-limit keys and logs: the same
   * credentials give the same fingerprint, and the secret cannot be read back from it.
   *
   * @param parts the credential's parts, e.g. API key and user name
   * @return the fingerprint
   */
  public static String fingerprint(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        sha.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required on every Java platform", e);
    }
  }

  /** A slot's current value and the one it replaced (null until the first replacement). */
  private record Rotation(String current, String previous) {}
}
