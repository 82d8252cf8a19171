package dev.customersync.core.sync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Notices a match-key value that a source repeats at one vendor, in memory that stays small for
 * millions of rows: each key is kept as a 64-bit hash in an open-addressing table (16 bytes per
 * key at most), not as a string. Two different keys sharing a hash (about one chance in 10^7 per
 * run of a million keys) would be reported as a repeat, which changes nothing but the report: the
 * tasks are ordered by their real keys. Keeps the first {@value #KEPT} repeating items' keys.
 */
final class DuplicateKeys {

  static final int KEPT = 100;

  private long[] table = new long[1024];
  private boolean zeroSeen;
  private int size;
  private long count;
  private final List<String> itemKeys = new ArrayList<>();

  /** Records the key; false (and counted) when it was seen before. */
  synchronized boolean add(String vendor, String key, String itemKey) {
    long h = hash(vendor, key);
    if (insert(h)) {
      return true;
    }
    count++;
    if (itemKeys.size() < KEPT) {
      itemKeys.add(itemKey);
    }
    return false;
  }

  synchronized long count() {
    return count;
  }

  synchronized List<String> itemKeys() {
    return List.copyOf(itemKeys);
  }

  private boolean insert(long h) {
    if (h == 0) {
      // 0 marks an empty slot, so the one key hashing to it is tracked apart.
      boolean fresh = !zeroSeen;
      zeroSeen = true;
      return fresh;
    }
    int mask = table.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (table[i] != 0) {
      if (table[i] == h) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = h;
    if (++size * 2 > table.length) {
      grow();
    }
    return true;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long h : old) {
      if (h != 0) {
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = h;
      }
    }
  }

  /** FNV-1a, 64 bits, over the vendor and the key's UTF-8 bytes. */
  private static long hash(String vendor, String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : (vendor + '\0' + key).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
