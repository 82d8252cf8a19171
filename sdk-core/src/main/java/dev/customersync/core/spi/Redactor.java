package dev.customersync.core.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Keeps secrets out of text that leaves the SDK: exception messages, raw bodies kept for diagnosis,
 * log lines. A client registers every secret it holds (API keys, passwords, client secrets) and a
 * supplier of its current token; {@link #redact} replaces each occurrence with {@link #MASK}.
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

  /** Registers a fixed secret; null and very short values are ignored. */
  public Redactor secret(String secret) {
    if (secret != null && secret.length() >= MIN_SECRET_LENGTH && !secrets.contains(secret)) {
      secrets.add(secret);
    }
    return this;
  }

  /** Registers a secret that changes, such as the current access token. */
  public Redactor dynamicSecret(Supplier<String> secret) {
    dynamicSecrets.add(secret);
    return this;
  }

  /** {@code text} with every registered secret replaced by {@link #MASK}. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    for (Supplier<String> d : dynamicSecrets) {
      String s = d.get();
      if (s != null && s.length() >= MIN_SECRET_LENGTH) {
        out = out.replace(s, MASK);
      }
    }
    return out;
  }

  /** Whether a header's value must be hidden. */
  public static boolean isSensitiveHeader(String name) {
    return SENSITIVE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * A short, stable, one-way fingerprint of credential parts, for rate-limit keys and logs: the same
   * credentials give the same fingerprint, and the secret cannot be read back from it.
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
}
