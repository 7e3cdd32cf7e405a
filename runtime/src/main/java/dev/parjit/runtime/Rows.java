package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;

/**
 * Multi-dimensional arrays distributed by rows ({@code double[][]}, {@code int[][]}, {@code double[][][]}):
 * a rank holds an array of its block of rows (Bodo's formula over the row count), each row whole.
 * Allocation sizes the outer dimension to the rank's block; replication gathers every rank's rows in
 * rank order. Rows travel serialized, so jagged rows (any lengths, even {@code null}) keep their shape.
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

  private static byte[] serialize(Object[] rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize the rows of a distributed array", e);
    }
    return bytes.toByteArray();
  }

  private static Object[] deserialize(byte[] data, int offset, int length) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data, offset, length))) {
      // Only arrays of primitive arrays (and of those) are distributed by rows.
      in.setObjectInputFilter(info -> info.serialClass() == null || info.serialClass().isArray()
          && isPrimitiveArrayNest(info.serialClass()) ? java.io.ObjectInputFilter.Status.ALLOWED
          : java.io.ObjectInputFilter.Status.REJECTED);
      return (Object[]) in.readObject();
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
