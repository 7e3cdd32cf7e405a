package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import java.lang.reflect.Array;

/**
 * The all-to-all of a halo whose elements are rows ({@code double[][]} split by rows, read at
 * {@code m[i - 1]}): rows of ints, longs, floats and doubles travel as two flat arrays, each row's
 * length ({@code -1} for a {@code null} row) and then every element, as {@link Rows} gathers them. The
 * rows that arrive are copies: a halo row is only read ({@code RowHalos} in the analysis).
 */
final class RowExchange {

  private RowExchange() { }

  /** Sends {@code counts[r]} rows of {@code send} to rank {@code r}, in order; returns the rows received, in rank order. */
  static Object[] alltoallv(Communicator comm, Object[] send, int[] counts) {
    Class<?> row = send.getClass().getComponentType();
    int[] lengths = new int[send.length];
    int[] elementCounts = new int[counts.length];
    int total = 0;
    int at = 0;
    for (int r = 0; r < counts.length; r++) {
      for (int k = 0; k < counts[r]; k++, at++) {
        lengths[at] = send[at] == null ? -1 : Array.getLength(send[at]);
        elementCounts[r] = Math.addExact(elementCounts[r], Math.max(lengths[at], 0));
      }
      total = Math.addExact(total, elementCounts[r]);
    }
    Object flat = Array.newInstance(wireType(row), total);
    int offset = 0;
    for (Object r : send) {
      if (r != null) {
        offset = pack(r, flat, offset);
      }
    }
    int[] gotLengths = comm.alltoallv(lengths, counts);
    Object got = exchange(comm, flat, elementCounts);
    Object[] out = (Object[]) Array.newInstance(row, gotLengths.length);
    offset = 0;
    for (int k = 0; k < out.length; k++) {
      if (gotLengths[k] >= 0) {
        out[k] = unpack(row, got, offset, gotLengths[k]);
        offset += gotLengths[k];
      }
    }
    return out;
  }

  /** Whether a halo can exchange rows of this class. */
  static boolean supports(Class<?> row) {
    return row == double[].class || row == long[].class || row == int[].class || row == float[].class;
  }

  private static Class<?> wireType(Class<?> row) {
    if (!supports(row)) {
      throw new IllegalArgumentException("no halo exchange for rows of " + row.getSimpleName());
    }
    return row == float[].class ? int.class : row.getComponentType();
  }

  private static int pack(Object row, Object flat, int offset) {
    if (row instanceof float[] f) {
      int[] bits = (int[]) flat;
      for (int k = 0; k < f.length; k++) {
        bits[offset + k] = Float.floatToRawIntBits(f[k]);
      }
      return offset + f.length;
    }
    int n = Array.getLength(row);
    System.arraycopy(row, 0, flat, offset, n);
    return offset + n;
  }

  private static Object unpack(Class<?> row, Object got, int offset, int length) {
    if (row == float[].class) {
      int[] bits = (int[]) got;
      float[] f = new float[length];
      for (int k = 0; k < length; k++) {
        f[k] = Float.intBitsToFloat(bits[offset + k]);
      }
      return f;
    }
    Object out = Array.newInstance(row.getComponentType(), length);
    System.arraycopy(got, offset, out, 0, length);
    return out;
  }

  private static Object exchange(Communicator comm, Object flat, int[] counts) {
    if (flat instanceof double[] d) {
      return comm.alltoallv(d, counts);
    } else if (flat instanceof long[] l) {
      return comm.alltoallv(l, counts);
    }
    return comm.alltoallv((int[]) flat, counts);
  }
}
