package dev.customersync.redis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every Redis key this module writes: {@code <prefix>:rate:<vendor>:<rule>:<hash>} and {@code
 * <prefix>:token:<vendor>:<hash>} (plus {@code :lock} and {@code :failed}). The hash is the first 16
 * hex digits of SHA-256 over the bucket key or credential fingerprint, so no key name carries
 * anything a client was configured with, not even a fingerprint a caller may have built badly.
 */
public final class KeyNames {

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private KeyNames() {}

  /** Checks a key prefix: letters, digits, {@code . _ : -}, at most 64 characters. */
  public static String checkPrefix(String prefix) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("key prefix must be 1-64 letters, digits or . _ : -, was \"" + prefix + "\"");
    }
    return prefix;
  }

  /** The key of one rule's bucket. */
  public static String rateKey(String prefix, String vendor, String rule, String bucketKey) {
    return prefix + ":rate:" + vendor + ":" + rule + ":" + hash(bucketKey);
  }

  /** The key of one credential's token; {@code :lock} and {@code :failed} are appended to it. */
  public static String tokenKey(String prefix, String vendor, String credentialFingerprint) {
    return prefix + ":token:" + vendor + ":" + hash(credentialFingerprint);
  }

  /** The first 16 hex digits of SHA-256 over {@code text}. */
  public static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required on every Java platform", e);
    }
  }
}
