package dev.parjit.frame.io.parquet;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * A page's bytes as one heap array range, the form every bulk decoder works on; little-endian
 * primitive access through array-view {@link VarHandle}s (intrinsified to plain loads).
 *
 * @param a the array
 * @param off first byte
 * @param end one past the last byte
 */
record PageBytes(byte[] a, int off, int end) {
  static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

  /** Without copying when the input is already one heap buffer (decompressed or read pages are). */
  static PageBytes of(BytesInput bytes) throws IOException {
    ByteBuffer b = bytes.toByteBuffer();
    if (b.hasArray()) {
      return new PageBytes(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
    }
    byte[] copy = new byte[b.remaining()];
    b.duplicate().get(copy);
    return new PageBytes(copy, 0, copy.length);
  }

  static long getLong(byte[] a, int p) {
    return (long) LONG_LE.get(a, p);
  }

  static double getDouble(byte[] a, int p) {
    return (double) DOUBLE_LE.get(a, p);
  }

  static int getInt(byte[] a, int p) {
    return (int) INT_LE.get(a, p);
  }

  static float getFloat(byte[] a, int p) {
    return (float) FLOAT_LE.get(a, p);
  }

  /** Fails clearly instead of reading past a page that declares more values than it holds. */
  static void need(int off, int end, long bytes) {
    if (off + bytes > end) {
      throw new ParquetDecodingException("page is shorter than its value count says ("
          + (end - off) + " bytes left, " + bytes + " needed)");
    }
  }
}
