package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;

/**
 * Multi-dimensional arrays distributed by rows ({@code double[][]}, {@code int[][]}, {@code double[][][]}):
 * a rank holds an array of its block of rows (Bodo's formula over the row count), each row whole.
 * Allocation sizes the outer dimension to the rank's block; replication gathers every rank's rows in
 * rank order. Rows of 2-D {@code double}, {@code long}, {@code int} and {@code byte} arrays travel as flat
 * arrays with their lengths; other nests serialized, so jagged rows (any lengths, even {@code null})
 * keep their shape either way.
 */
final class Rows {

  private Rows() { }

  /** {@code new T[n][m]...} with this rank's block of the {@code n} rows; {@code arrayClass} is {@code T[][]...}. */
  static Object allocate(Class<?> arrayClass, int localRows, int... inner) {
    Class<?> component = arrayClass;
    for (int k = 0; k <= inner.length; k++) {
      component = component.getComponentType();
    }
    int[] dims = new int[inner.length + 1];
    dims[0] = localRows;
    System.arraycopy(inner, 0, dims, 1, inner.length);
    return Array.newInstance(component, dims);
  }

  /** Every rank's rows of a row-distributed array, in rank order, on every rank. */
  static Object[] replicate(Communicator comm, Object[] local) {
    Class<?> row = local.getClass().getComponentType();
    if (row == double[].class || row == long[].class || row == int[].class || row == byte[].class) {
      // The ranks must take one path: any rank with shared rows, or with more elements than one
      // gathered array holds, sends every rank down the serialized one.
      long need = distinctRows(local) ? elements(local) : Long.MAX_VALUE;
      if (comm.allreduce(need, dev.parjit.mpi.ReduceOp.MAX) <= (Integer.MAX_VALUE - 8) / comm.size()) {
        return replicateFlat(comm, local, row);
      }
    }
    return replicateSerialized(comm, local);
  }

  /** Any nest of rows (jagged, 3-D, shared rows): each rank's rows serialized and gathered as bytes. */
  private static Object[] replicateSerialized(Communicator comm, Object[] local) {
    byte[] mine = serialize(local);
    long[] sizes = comm.allgather(mine.length);
    byte[] all = comm.allgatherv(mine);
    Object[][] parts = new Object[sizes.length][];
    int total = 0;
    int offset = 0;
    for (int r = 0; r < sizes.length; r++) {
      parts[r] = deserialize(all, offset, (int) sizes[r]);
      offset += (int) sizes[r];
      total += parts[r].length;
    }
    Object[] out = (Object[]) Array.newInstance(local.getClass().getComponentType(), total);
    int at = 0;
    for (Object[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  /**
   * Rows of a 2-D primitive array gathered as two flat arrays (each row's length, -1 for a null row,
   * then every element), with no serialization: a 700 x 700 product's rows were serialized, gathered
   * as bytes and read back on every rank, several copies of the whole matrix per call.
   */
  private static Object[] replicateFlat(Communicator comm, Object[] local, Class<?> rowClass) {
    int[] lengths = new int[local.length];
    long total = 0;
    for (int k = 0; k < local.length; k++) {
      lengths[k] = local[k] == null ? -1 : Array.getLength(local[k]);
      total += Math.max(lengths[k], 0);
    }
    Object flat = Array.newInstance(rowClass.getComponentType(), (int) total);
    int at = 0;
    for (int k = 0; k < local.length; k++) {
      if (lengths[k] > 0) {
        System.arraycopy(local[k], 0, flat, at, lengths[k]);
        at += lengths[k];
      }
    }
    int[] allLengths = comm.allgatherv(lengths);
    Object all = flat instanceof double[] d ? comm.allgatherv(d) : flat instanceof long[] l ? comm.allgatherv(l)
        : flat instanceof int[] i ? comm.allgatherv(i) : comm.allgatherv((byte[]) flat);
    Object[] out = (Object[]) Array.newInstance(rowClass, allLengths.length);
    at = 0;
    for (int k = 0; k < out.length; k++) {
      if (allLengths[k] >= 0) {
        out[k] = Array.newInstance(rowClass.getComponentType(), allLengths[k]);
        System.arraycopy(all, at, out[k], 0, allLengths[k]);
        at += allLengths[k];
      }
    }
    return out;
  }

  private static long elements(Object[] rows) {
    long total = 0;
    for (Object row : rows) {
      total += row == null ? 0 : Array.getLength(row);
    }
    return total;
  }

  /** Whether no row appears twice: serialization keeps such sharing within a rank's rows, flat copies would not. */
  private static boolean distinctRows(Object[] rows) {
    java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Object row : rows) {
      if (row != null && !seen.add(row)) {
        return false;
      }
    }
    return true;
  }

  private static byte[] serialize(Object[] rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RawBitsStreams.Output out = RawBitsStreams.output(bytes)) {
      out.writeValue(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize the rows of a distributed array", e);
    }
    return bytes.toByteArray();
  }

  private static Object[] deserialize(byte[] data, int offset, int length) {
    try (RawBitsStreams.Input in = RawBitsStreams.input(new ByteArrayInputStream(data, offset, length))) {
      // Only arrays of primitive arrays (and of those) are distributed by rows; a row holding a NaN
      // with a payload travels as its raw bits' carrier.
      in.setObjectInputFilter(info -> info.serialClass() == null || info.serialClass().isArray()
          && isPrimitiveArrayNest(info.serialClass()) || RawBitsStreams.isCarrier(info.serialClass())
          ? java.io.ObjectInputFilter.Status.ALLOWED
          : java.io.ObjectInputFilter.Status.REJECTED);
      return (Object[]) in.readValue();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read the rows of a distributed array from another rank", e);
    }
  }

  private static boolean isPrimitiveArrayNest(Class<?> c) {
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c.isPrimitive();
  }
}
