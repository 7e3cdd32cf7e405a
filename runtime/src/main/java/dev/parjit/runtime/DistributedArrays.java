package dev.parjit.runtime;

import java.util.Map;

/**
 * Which arrays on this rank are chunks of a distributed array, and where they sit in it.
 * Keyed by identity and weakly, so a chunk that becomes garbage leaves the registry with it.
 *
 * <p>Java arrays cannot carry extra fields; compiled code asks here (once per loop, in the loop's
 * preheader) for the global length and this rank's start.
 */
public final class DistributedArrays {

  /**
   * Where a chunk sits in its distributed value.
   *
   * @param globalLength rows (elements) of the whole value
   * @param start        global index of the chunk's first row
   * @param localLength  rows in this chunk
   */
  public record Chunk(long globalLength, long start, long localLength) { }

  // Identity, not equals(): frames compare by content, and must not be hashed row by row here.
  private static final WeakIdentityMap<Chunk> CHUNKS = new WeakIdentityMap<>();

  /** Bumped by every change of the registry, so callers may cache a lookup while it is unchanged. */
  private static volatile int epoch;

  private DistributedArrays() { }

  /** The registry's version: a lookup made under the same epoch still holds. */
  public static int epoch() {
    return epoch;
  }

  /** Records that {@code chunk} holds items {@code [start, start + length)} of an array of {@code globalLength}. */
  public static void register(Object chunk, long globalLength, long start) {
    register(chunk, globalLength, start, java.lang.reflect.Array.getLength(chunk));
  }

  /** As {@link #register(Object, long, long)} for a chunk that is not an array (a frame's). */
  public static void register(Object chunk, long globalLength, long start, long localLength) {
    CHUNKS.put(chunk, new Chunk(globalLength, start, localLength));
    epoch++;
  }

  /** The chunk's placement, or {@code null} for an array that is not distributed (REP). */
  public static Chunk lookup(Object array) {
    return array == null ? null : CHUNKS.get(array);
  }

  /**
   * Forgets every array chunk (frames stay: a lazy result outlives its call). A spawn-mode worker
   * calls this after each call: the arrays of a finished call are garbage, and dropping their
   * registration lets the garbage collector reclaim large ones at once.
   */
  public static void clearArrays() {
    CHUNKS.removeKeysIf(k -> k.getClass().isArray());
    epoch++;
  }

  /** Forgets these chunks (a finished call's arrays), clearing their weak references. */
  static void forget(java.util.Set<Object> chunks) {
    if (!chunks.isEmpty()) {
      CHUNKS.removeKeysIf(chunks::contains);
      epoch++;
    }
  }

  /** Forgets every chunk (tests, and a worker between jobs). */
  public static void clear() {
    CHUNKS.clear();
    epoch++;
  }

  /** Number of registered chunks still alive. */
  public static int size() {
    return CHUNKS.size();
  }

  static Map<Object, Chunk> snapshotForTests() {
    return CHUNKS.snapshot();
  }
}
