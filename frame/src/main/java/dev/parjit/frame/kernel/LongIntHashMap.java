package dev.parjit.frame.kernel;

/**
 * Open-addressing (linear probing) map from {@code long} keys to dense ids 0, 1, 2, ... in
 * insertion order, on primitive arrays: no boxing, so factorising 10M int64 keys stays a tight
 * loop. Load factor at most 1/2.
 */
public final class LongIntHashMap {
  private long[] keys;
  private int[] ids; // id + 1; 0 marks an empty slot
  private int mask;
  private int size;

  /** A map sized for about {@code expected} distinct keys. */
  public LongIntHashMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
    keys = new long[cap];
    ids = new int[cap];
    mask = cap - 1;
  }

  /** The id of {@code key}, adding it with the next id if absent. */
  public int getOrAdd(long key) {
    int slot = (int) StableHash.fmix64(key) & mask;
    while (true) {
      int id = ids[slot];
      if (id == 0) {
        keys[slot] = key;
        ids[slot] = ++size;
        if (size * 2 > keys.length) grow();
        return size - 1;
      }
      if (keys[slot] == key) return id - 1;
      slot = (slot + 1) & mask;
    }
  }

  /** The id of {@code key}, or -1. */
  public int get(long key) {
    int slot = (int) StableHash.fmix64(key) & mask;
    while (true) {
      int id = ids[slot];
      if (id == 0) return -1;
      if (keys[slot] == key) return id - 1;
      slot = (slot + 1) & mask;
    }
  }

  /** Number of distinct keys. */
  public int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[oldIds.length * 2];
    mask = keys.length - 1;
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldIds[s] == 0) continue;
      int slot = (int) StableHash.fmix64(oldKeys[s]) & mask;
      while (ids[slot] != 0) slot = (slot + 1) & mask;
      keys[slot] = oldKeys[s];
      ids[slot] = oldIds[s];
    }
  }
}
