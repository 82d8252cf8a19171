package dev.customersync.redis.internal;

import dev.customersync.core.AccessToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * How a token is stored: {@code <64 hex digits of the token's digest>|<p or e><base64 of the
 * entry>}. The digest lets a Lua script delete exactly the token an instance found refused without
 * the script (or anyone reading the key) needing the token; it is SHA-256, or HMAC-SHA-256 under
 * the encryption key when one is set. With a key, the entry is AES-GCM encrypted (a random 12-byte
 * nonce per write, the Redis key name as associated data, so an entry copied to another key does
 * not decrypt); without one it is stored as it is.
 */
public final class TokenCodec {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte VERSION = 1;

  private final @Nullable SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /** @param key an AES key (128, 192 or 256 bits), or null to store tokens unencrypted */
  public TokenCodec(@Nullable SecretKey key) {
    if (key != null && !"AES".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException("the token encryption key must be an AES key, was " + key.getAlgorithm());
    }
    this.key = key;
  }

  /** An AES key from raw bytes: 16, 24 or 32 of them. */
  public static SecretKey aesKey(byte[] bytes) {
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, not " + bytes.length);
    }
    return new SecretKeySpec(bytes.clone(), "AES");
  }

  /** Whether entries are encrypted. */
  public boolean encrypts() {
    return key != null;
  }

  /** The digest of {@code token} as stored in front of its entry. */
  public String digest(String token) {
    byte[] in = token.getBytes(StandardCharsets.UTF_8);
    try {
      byte[] d;
      if (key != null) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
        d = mac.doFinal(in);
      } else {
        d = MessageDigest.getInstance("SHA-256").digest(in);
      }
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 and SHA-256 are required on every Java platform", e);
    }
  }

  /** The stored form of {@code token} under {@code redisKey}. */
  public byte[] encode(AccessToken token, String redisKey) {
    byte[] plain = serialize(token);
    String body;
    if (key == null) {
      body = "p" + Base64.getEncoder().encodeToString(plain);
    } else {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      byte[] sealed;
      try {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
        sealed = c.doFinal(plain);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM encryption failed", e);
      }
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      body = "e" + Base64.getEncoder().encodeToString(out);
    }
    return (digest(token.value()) + "|" + body).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The token stored as {@code stored} under {@code redisKey}.
   *
   * @throws IllegalStateException the entry is malformed, encrypted with another key, or encrypted
   *     while this codec has no key (or the other way round); the message holds no token
   */
  public AccessToken decode(byte[] stored, String redisKey) {
    String text = new String(stored, StandardCharsets.US_ASCII);
    int bar = text.indexOf('|');
    if (bar != 64 || text.length() < bar + 2) {
      throw new IllegalStateException("the token entry at " + redisKey + " is not in this module's format");
    }
    char kind = text.charAt(bar + 1);
    byte[] body;
    try {
      body = Base64.getDecoder().decode(text.substring(bar + 2));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the token entry at " + redisKey + " is not in this module's format");
    }
    if (kind == 'p') {
      if (key != null) {
        throw new IllegalStateException("the token entry at " + redisKey + " is not encrypted, but this cache "
            + "encrypts; another instance runs without the encryption key");
      }
      return deserialize(body, redisKey);
    }
    if (kind != 'e') {
      throw new IllegalStateException("the token entry at " + redisKey + " is not in this module's format");
    }
    if (key == null) {
      throw new IllegalStateException("the token entry at " + redisKey + " is encrypted; give this cache the "
          + "encryption key the other instances use");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, body, 0, NONCE_BYTES));
      c.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
      return deserialize(c.doFinal(body, NONCE_BYTES, body.length - NONCE_BYTES), redisKey);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the token entry at " + redisKey + " does not decrypt with this cache's key "
          + "(another key, or the entry was altered)");
    }
  }

  /** The digest part of a stored entry. */
  public static String digestOf(byte[] stored) {
    return new String(stored, 0, Math.min(64, stored.length), StandardCharsets.US_ASCII);
  }

  private static byte[] serialize(AccessToken t) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeString(out, t.value());
      out.writeLong(t.expiresAt().toEpochMilli());
      String refresh = t.refreshToken().orElse(null);
      out.writeBoolean(refresh != null);
      if (refresh != null) {
        writeString(out, refresh);
      }
      out.writeLong(t.refreshExpiresAt().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static AccessToken deserialize(byte[] plain, String redisKey) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
      if (in.readByte() != VERSION) {
        throw new IllegalStateException("the token entry at " + redisKey + " is of another version of this module");
      }
      String value = readString(in);
      Instant expiresAt = Instant.ofEpochMilli(in.readLong());
      String refresh = in.readBoolean() ? readString(in) : null;
      long refreshExpires = in.readLong();
      return new AccessToken(value, expiresAt, refresh,
          refreshExpires == Long.MIN_VALUE ? null : Instant.ofEpochMilli(refreshExpires));
    } catch (IOException e) {
      throw new IllegalStateException("the token entry at " + redisKey + " is truncated");
    }
  }

  // Length-prefixed rather than writeUTF: a JWT may be longer than writeUTF's 65,535 bytes.
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IOException("bad length");
    }
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new IOException("truncated");
    }
    return new String(b, StandardCharsets.UTF_8);
  }
}
