package dev.parjit.frame.kernel;

import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * The build side of an equi-join on one integer key: each distinct right key leads to its right rows
 * in row order (a chain through {@code next}). Keys spanning a range at most a few times the row
 * count are addressed directly ({@code key - min} indexes the heads: no hashing, and a table a
 * quarter the size of a hash map's, so probes stay in cache far more often); other keys go through
 * an open-addressing table. Only the right side is inserted; the left side only probes, so left
 * keys without a match cost a lookup and nothing else.
 */
final class IntegerJoinTable {
  /** Direct addressing while the key range is at most this many slots per right row (plus slack). */
  private static final long DIRECT_SLOTS_PER_ROW = 4;
  private static final long DIRECT_MAX_SLOTS = 1L << 25;

  private final long min;
  private final int[] head; // first right row per direct slot or hash slot, -1 for none
  private final long[] slotKeys; // hashed mode only
  private final int mask;
  private final int[] next; // the following right row with the same key, -1 at the end

  private IntegerJoinTable(long min, int[] head, long[] slotKeys, int[] next) {
    this.min = min;
    this.head = head;
    this.slotKeys = slotKeys;
    this.mask = head.length - 1;
    this.next = next;
  }

  /** The table of {@code right}'s rows (a missing key never matches, so it is left out). */
  static IntegerJoinTable build(FieldVector right) {
    int n = right.getValueCount();
    IntegerKeys keys = new IntegerKeys(right);
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int r = 0; r < n; r++) {
      if (keys.valid(r)) {
        long k = keys.get(r);
        lo = Math.min(lo, k);
        hi = Math.max(hi, k);
      }
    }
    int[] next = new int[n];
    if (lo > hi) {
      return new IntegerJoinTable(0, new int[] {-1}, null, next); // no key at all: a direct table of one empty slot
    }
    long range = hi - lo + 1; // may overflow to <= 0 for extreme spans: then hashed
    if (range > 0 && range <= Math.min(DIRECT_MAX_SLOTS, DIRECT_SLOTS_PER_ROW * n + 1024)) {
      int[] head = new int[(int) range];
      Arrays.fill(head, -1);
      // Rows inserted last to first, so each chain runs in right row order.
      for (int r = n - 1; r >= 0; r--) {
        if (keys.valid(r)) {
          int slot = (int) (keys.get(r) - lo);
          next[r] = head[slot];
          head[slot] = r;
        }
      }
      return new IntegerJoinTable(lo, head, null, next);
    }
    int cap = Integer.highestOneBit(Math.max(16, n) * 2 - 1) << 1;
    int[] head = new int[cap];
    Arrays.fill(head, -1);
    long[] slotKeys = new long[cap];
    int mask = cap - 1;
    for (int r = n - 1; r >= 0; r--) {
      if (!keys.valid(r)) {
        continue;
      }
      long k = keys.get(r);
      int slot = (int) StableHash.fmix64(k) & mask;
      while (head[slot] >= 0 && slotKeys[slot] != k) {
        slot = (slot + 1) & mask;
      }
      next[r] = head[slot];
      head[slot] = r;
      slotKeys[slot] = k;
    }
    return new IntegerJoinTable(0, head, slotKeys, next);
  }

  /** The first right row with key {@code k}, or -1. */
  int first(long k) {
    if (slotKeys == null) {
      long slot = k - min;
      return slot >= 0 && slot < head.length ? head[(int) slot] : -1;
    }
    int slot = (int) StableHash.fmix64(k) & mask;
    while (true) {
      int r = head[slot];
      if (r < 0 || slotKeys[slot] == k) {
        return r;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The right row after {@code row} with the same key, or -1. */
  int next(int row) {
    return next[row];
  }
}
