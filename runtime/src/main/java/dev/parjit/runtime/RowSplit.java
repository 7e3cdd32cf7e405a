package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import java.lang.reflect.Array;

/**
 * Re-splits a distributed 1-D array into blocks of whole rows and back: an array parameter indexed as
 * rows {@code a[k * i + c]} arrives as each rank's element block (or any contiguous chunks in rank
 * order), but a row must sit on one rank. Rank {@code r} then holds rows {@code [start(r), end(r))} of
 * {@code rows = n / k} (Bodo's formula over the rows), the last rank also the {@code n % k} elements
 * after the last whole row (no loop over rows reaches them, so they keep their values); with
 * {@code k <= 0} rank 0 holds everything, as {@link ParallelRuntime#newRowBlockArray} places it.
 *
 * <p>Each way, one allgather of the chunks' places and one all-to-all of the elements. Every rank
 * decides from the gathered places alone whether anything moves, so all take the same collectives.
 */
final class RowSplit {

  private RowSplit() { }

  /** Rank {@code r}'s first element under the rows layout of {@code n} elements in rows of {@code k}. */
  static long rowStart(long n, int k, int p, int r) {
    if (k <= 0) {
      return r == 0 ? 0 : n;
    }
    return r == p ? n : BlockDistribution.start(n / k, p, r) * k;
  }

  /** One past rank {@code r}'s last element under the rows layout (the last rank's includes the tail). */
  static long rowEnd(long n, int k, int p, int r) {
    return r == p - 1 ? n : rowStart(n, k, p, r + 1);
  }

  /**
   * {@code chunk} (registered) as this rank's block of whole rows of {@code k}: the chunk itself when
   * every rank's chunk already is, else a new registered array holding those rows.
   */
  static Object toRows(Communicator comm, Object chunk, int k) {
    DistributedArrays.Chunk c = DistributedArrays.lookup(chunk);
    long n = c.globalLength();
    int p = comm.size();
    long[] places = comm.allgatherv(new long[] {c.start(), c.localLength()});
    boolean same = true;
    for (int r = 0; r < p; r++) {
      same &= places[2 * r] == rowStart(n, k, p, r) && places[2 * r + 1] == rowEnd(n, k, p, r) - rowStart(n, k, p, r);
    }
    if (same) {
      return chunk;
    }
    int me = comm.rank();
    int[] sendCounts = new int[p];
    for (int d = 0; d < p; d++) {
      sendCounts[d] = overlap(c.start(), c.start() + c.localLength(), rowStart(n, k, p, d), rowEnd(n, k, p, d));
    }
    Object rows = exchange(comm, chunk, sendCounts);
    DistributedArrays.register(rows, n, rowStart(n, k, p, me));
    return rows;
  }

  /**
   * Copies {@code rows} (what {@link #toRows} made of {@code chunk}) back into {@code chunk}, where the
   * caller's array is written back from; nothing when {@link #toRows} kept the chunk.
   */
  static void back(Communicator comm, Object rows, Object chunk, int k) {
    if (rows == chunk || rows == null) {
      return;
    }
    DistributedArrays.Chunk c = DistributedArrays.lookup(chunk);
    long n = c.globalLength();
    int p = comm.size();
    int me = comm.rank();
    long[] places = comm.allgatherv(new long[] {c.start(), c.localLength()});
    int[] sendCounts = new int[p];
    for (int d = 0; d < p; d++) {
      sendCounts[d] = overlap(rowStart(n, k, p, me), rowEnd(n, k, p, me), places[2 * d], places[2 * d] + places[2 * d + 1]);
    }
    Object received = exchange(comm, rows, sendCounts);
    System.arraycopy(received, 0, chunk, 0, Array.getLength(chunk));
  }

  private static int overlap(long from, long to, long otherFrom, long otherTo) {
    return (int) Math.max(0, Math.min(to, otherTo) - Math.max(from, otherFrom));
  }

  /** {@code send} cut in rank order by {@code sendCounts}, exchanged; what arrives, in rank order, same type. */
  private static Object exchange(Communicator comm, Object send, int[] sendCounts) {
    if (send instanceof double[] a) {
      return comm.alltoallv(a, sendCounts);
    }
    if (send instanceof long[] a) {
      return comm.alltoallv(a, sendCounts);
    }
    if (send instanceof int[] a) {
      return comm.alltoallv(a, sendCounts);
    }
    if (send instanceof byte[] a) {
      return comm.alltoallv(a, sendCounts);
    }
    if (send instanceof float[] a) {
      int[] bits = new int[a.length];
      for (int i = 0; i < a.length; i++) {
        bits[i] = Float.floatToRawIntBits(a[i]);
      }
      int[] got = comm.alltoallv(bits, sendCounts);
      float[] out = new float[got.length];
      for (int i = 0; i < got.length; i++) {
        out[i] = Float.intBitsToFloat(got[i]);
      }
      return out;
    }
    if (send instanceof short[] a) {
      int[] wide = new int[a.length];
      for (int i = 0; i < a.length; i++) {
        wide[i] = a[i];
      }
      int[] got = comm.alltoallv(wide, sendCounts);
      short[] out = new short[got.length];
      for (int i = 0; i < got.length; i++) {
        out[i] = (short) got[i];
      }
      return out;
    }
    if (send instanceof char[] a) {
      int[] wide = new int[a.length];
      for (int i = 0; i < a.length; i++) {
        wide[i] = a[i];
      }
      int[] got = comm.alltoallv(wide, sendCounts);
      char[] out = new char[got.length];
      for (int i = 0; i < got.length; i++) {
        out[i] = (char) got[i];
      }
      return out;
    }
    boolean[] a = (boolean[]) send;
    byte[] bytes = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      bytes[i] = (byte) (a[i] ? 1 : 0);
    }
    byte[] got = comm.alltoallv(bytes, sendCounts);
    boolean[] out = new boolean[got.length];
    for (int i = 0; i < got.length; i++) {
      out[i] = got[i] != 0;
    }
    return out;
  }
}
