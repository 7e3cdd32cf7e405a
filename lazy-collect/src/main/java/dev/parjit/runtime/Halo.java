package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import java.lang.reflect.Array;

/**
 * The neighbours' elements a stencil loop reads near the ends of this rank's chunk: for a loop
 * reading {@code u[i + c]} with {@code lowest <= c <= highest}, the {@code -lowest} elements before
 * the chunk and the {@code highest} after it (clipped to the array), exchanged once before the loop.
 *
 * <p>Rewritten code keeps the chunk as it is and reads through {@link #read(double[], int, Halo)}:
 * inside the chunk a plain array read (one predictable branch), outside it the ghost copy. A read
 * past the ends of the whole array throws the sequential program's exception, with the global
 * index and length. The exchange gathers every rank's edges (its first {@code highest} and last
 * {@code -lowest} elements) on every rank, which also serves chunks shorter than the halo, empty
 * ranks and 1D_Var chunks of any length: one allgather of the chunks' starts and one of the edges.
 */
public final class Halo {

  private final long start;
  private final long globalLength;
  /** Elements {@code [start - left.length, start)}, clipped at 0. */
  private final Object left;
  /** Elements {@code [end, end + right.length)}, clipped at the global length. */
  private final Object right;

  private Halo(long start, long globalLength, Object left, Object right) {
    this.start = start;
    this.globalLength = globalLength;
    this.left = left;
    this.right = right;
  }

  /**
   * Exchanges the halo of {@code array} (a registered chunk, or a whole array on every rank) for
   * offsets {@code lowest <= 0 <= highest}. Collective: every rank calls it for the same array.
   */
  public static Halo exchange(Object array, int lowest, int highest) {
    int length = Array.getLength(array);
    DistributedArrays.Chunk chunk = DistributedArrays.lookup(array);
    Class<?> type = array.getClass().getComponentType();
    if (chunk == null) {
      // Not split: every rank holds the whole array, so nothing lies outside it but the ends.
      return new Halo(0, length, Array.newInstance(type, 0), Array.newInstance(type, 0));
    }
    Communicator comm = ParallelRuntime.communicator();
    int before = -Math.min(lowest, 0);
    int after = Math.max(highest, 0);
    long[] starts = comm.allgather(chunk.start());
    int p = starts.length;
    long n = chunk.globalLength();
    // Each rank's edges: its first `after` elements, then its last `before` (overlapping when short).
    int[] heads = new int[p];
    int[] tails = new int[p];
    int[] offsets = new int[p + 1];
    for (int r = 0; r < p; r++) {
      long len = (r + 1 < p ? starts[r + 1] : n) - starts[r];
      heads[r] = (int) Math.min(after, len);
      tails[r] = (int) Math.min(before, len);
      offsets[r + 1] = offsets[r] + heads[r] + tails[r];
    }
    int me = comm.rank();
    Object edges = Array.newInstance(type, heads[me] + tails[me]);
    System.arraycopy(array, 0, edges, 0, heads[me]);
    System.arraycopy(array, length - tails[me], edges, heads[me], tails[me]);
    Object all = allgatherv(comm, edges);
    long first = Math.max(0, chunk.start() - before);
    long last = Math.min(n, chunk.start() + length + after);
    Object left = Array.newInstance(type, (int) (chunk.start() - first));
    Object right = Array.newInstance(type, (int) (last - chunk.start() - length));
    for (int r = 0; r < p; r++) {
      long len = (r + 1 < p ? starts[r + 1] : n) - starts[r];
      // Rank r's tail holds [starts[r] + len - tails[r], starts[r] + len); its head [starts[r], + heads[r]).
      copyRange(all, offsets[r] + heads[r], starts[r] + len - tails[r], tails[r], left, first);
      copyRange(all, offsets[r], starts[r], heads[r], left, first);
      copyRange(all, offsets[r] + heads[r], starts[r] + len - tails[r], tails[r], right, chunk.start() + length);
      copyRange(all, offsets[r], starts[r], heads[r], right, chunk.start() + length);
    }
    return new Halo(chunk.start(), n, left, right);
  }

  /** Copies the part of {@code count} elements at global {@code from} that falls in {@code into} (at global {@code base}). */
  private static void copyRange(Object all, int at, long from, int count, Object into, long base) {
    long lo = Math.max(from, base);
    long hi = Math.min(from + count, base + Array.getLength(into));
    if (lo < hi) {
      System.arraycopy(all, at + (int) (lo - from), into, (int) (lo - base), (int) (hi - lo));
    }
  }

  private static Object allgatherv(Communicator comm, Object edges) {
    if (edges instanceof double[] d) {
      return comm.allgatherv(d);
    } else if (edges instanceof long[] l) {
      return comm.allgatherv(l);
    } else if (edges instanceof int[] i) {
      return comm.allgatherv(i);
    } else if (edges instanceof float[] f) {
      int[] bits = new int[f.length];
      for (int k = 0; k < f.length; k++) {
        bits[k] = Float.floatToRawIntBits(f[k]);
      }
      int[] got = comm.allgatherv(bits);
      float[] out = new float[got.length];
      for (int k = 0; k < got.length; k++) {
        out[k] = Float.intBitsToFloat(got[k]);
      }
      return out;
    }
    throw new IllegalArgumentException("no halo exchange for " + edges.getClass().getSimpleName());
  }

  /** {@code a[k]} of this rank's chunk, or of the halo outside it ({@code k} is the local index). */
  public static double read(double[] a, int k, Halo h) {
    return k >= 0 && k < a.length ? a[k] : ((double[]) h.ghosts(k, a.length))[h.ghostIndex(k, a.length)];
  }

  /** As {@link #read(double[], int, Halo)} for floats. */
  public static float read(float[] a, int k, Halo h) {
    return k >= 0 && k < a.length ? a[k] : ((float[]) h.ghosts(k, a.length))[h.ghostIndex(k, a.length)];
  }

  /** As {@link #read(double[], int, Halo)} for longs. */
  public static long read(long[] a, int k, Halo h) {
    return k >= 0 && k < a.length ? a[k] : ((long[]) h.ghosts(k, a.length))[h.ghostIndex(k, a.length)];
  }

  /** As {@link #read(double[], int, Halo)} for ints. */
  public static int read(int[] a, int k, Halo h) {
    return k >= 0 && k < a.length ? a[k] : ((int[]) h.ghosts(k, a.length))[h.ghostIndex(k, a.length)];
  }

  /** The ghost array holding local index {@code k} (outside the chunk); the sequential exception past the ends. */
  private Object ghosts(int k, int length) {
    long global = start + k;
    if (global < 0 || global >= globalLength) {
      throw new ArrayIndexOutOfBoundsException("Index " + global + " out of bounds for length " + globalLength);
    }
    return k < 0 ? left : right;
  }

  private int ghostIndex(int k, int length) {
    return k < 0 ? Array.getLength(left) + k : k - length;
  }
}
