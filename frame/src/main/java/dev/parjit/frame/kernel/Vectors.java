package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import dev.parjit.frame.FrameMemory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Building, reading and reshaping Arrow vectors of the six {@link DType}s, column at a time and
 * straight on the Arrow buffers. Internal to the frame module (public only so that
 * {@code dev.parjit.frame} can call it); vectors produced here are never mutated afterwards,
 * which is what makes buffer-sharing views safe.
 */
public final class Vectors {
  private Vectors() {}

  /** Byte width of a fixed-width dtype's values; 0 for BOOL (bits) and STRING. */
  public static int width(DType t) {
    switch (t) {
      case FLOAT64: case INT64: case TIMESTAMP: return 8;
      case INT32: return 4;
      default: return 0;
    }
  }

  /**
   * A new vector of {@code n} rows, all null, ready for direct buffer writes; strings get
   * {@code stringBytes} bytes of data capacity. Call {@link #finish} after writing.
   */
  public static FieldVector allocate(DType t, String name, int n, long stringBytes) {
    FieldVector v = t.newVector(name, FrameMemory.allocator());
    try {
      if (v instanceof VarCharVector) {
        ((VarCharVector) v).allocateNew(Math.max(stringBytes, 1), n);
      } else {
        ((BaseFixedWidthVector) v).allocateNew(n);
      }
      // Zeroed explicitly: kernels only ever set bits, so stale bits would read as data.
      v.getValidityBuffer().setZero(0, v.getValidityBuffer().capacity());
      if (t == DType.BOOL) v.getDataBuffer().setZero(0, v.getDataBuffer().capacity());
    } catch (RuntimeException | Error e) {
      v.close();
      throw e;
    }
    return v;
  }

  /** Sets the row count after direct writes (for strings: every offset must already be written). */
  public static <V extends FieldVector> V finish(V v, int n) {
    if (v instanceof VarCharVector) ((VarCharVector) v).setLastSet(n - 1);
    v.setValueCount(n);
    return v;
  }

  /** Marks rows valid: all of {@code [0, n)} when {@code valid} is null, else where it is true. */
  public static void setValidity(FieldVector v, boolean[] valid, int n) {
    ArrowBuf buf = v.getValidityBuffer();
    if (valid == null) {
      setAllValid(buf, n);
    } else {
      for (int i = 0; i < n; i++) if (valid[i]) BitVectorHelper.setBit(buf, i);
    }
  }

  static void setAllValid(ArrowBuf buf, int n) {
    int full = n >>> 3;
    if (full > 0) buf.setOne(0L, (long) full);
    for (int i = full << 3; i < n; i++) BitVectorHelper.setBit(buf, i);
  }

  // ---- building from Java arrays -------------------------------------------------------------

  /** FLOAT64 vector; {@code valid == null} means no nulls. */
  public static FieldVector ofDoubles(String name, double[] values, boolean[] valid) {
    int n = values.length;
    FieldVector v = allocate(DType.FLOAT64, name, n, 0);
    ArrowBuf data = v.getDataBuffer();
    for (int i = 0; i < n; i++) data.setDouble(i * 8L, values[i]);
    setValidity(v, valid, n);
    return finish(v, n);
  }

  /** INT64, INT32, TIMESTAMP or BOOL (non-zero = true) vector from longs. */
  public static FieldVector ofLongs(DType t, String name, long[] values, boolean[] valid) {
    int n = values.length;
    FieldVector v = allocate(t, name, n, 0);
    ArrowBuf data = v.getDataBuffer();
    switch (t) {
      case INT64: case TIMESTAMP:
        for (int i = 0; i < n; i++) data.setLong(i * 8L, values[i]);
        break;
      case INT32:
        for (int i = 0; i < n; i++) data.setInt(i * 4L, (int) values[i]);
        break;
      case BOOL:
        for (int i = 0; i < n; i++) if (values[i] != 0) BitVectorHelper.setBit(data, i);
        break;
      default:
        v.close();
        throw new IllegalArgumentException("not a long-like dtype: " + t);
    }
    setValidity(v, valid, n);
    return finish(v, n);
  }

  /** INT32 vector. */
  public static FieldVector ofInts(String name, int[] values, boolean[] valid) {
    int n = values.length;
    FieldVector v = allocate(DType.INT32, name, n, 0);
    ArrowBuf data = v.getDataBuffer();
    for (int i = 0; i < n; i++) data.setInt(i * 4L, values[i]);
    setValidity(v, valid, n);
    return finish(v, n);
  }

  /** BOOL vector. */
  public static FieldVector ofBooleans(String name, boolean[] values, boolean[] valid) {
    int n = values.length;
    FieldVector v = allocate(DType.BOOL, name, n, 0);
    // Packed a byte at a time and copied in one go: a mask of every row is built per comparison.
    byte[] bits = new byte[(n + 7) >>> 3];
    for (int i = 0; i < n; i++) if (values[i]) bits[i >>> 3] |= (byte) (1 << (i & 7));
    if (bits.length > 0) v.getDataBuffer().setBytes(0, bits, 0, bits.length);
    setValidity(v, valid, n);
    return finish(v, n);
  }

  /** STRING vector (UTF-8); null elements become nulls. */
  public static FieldVector ofStrings(String name, String[] values) {
    int n = values.length;
    byte[][] utf8 = new byte[n][];
    long total = 0;
    for (int i = 0; i < n; i++) {
      if (values[i] != null) {
        utf8[i] = values[i].getBytes(StandardCharsets.UTF_8);
        total += utf8[i].length;
      }
    }
    FieldVector v = allocate(DType.STRING, name, n, total);
    ArrowBuf offsets = v.getOffsetBuffer();
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf validity = v.getValidityBuffer();
    int pos = 0;
    offsets.setInt(0, 0);
    for (int i = 0; i < n; i++) {
      if (utf8[i] != null) {
        data.setBytes(pos, utf8[i], 0, utf8[i].length);
        pos += utf8[i].length;
        BitVectorHelper.setBit(validity, i);
      }
      offsets.setInt((i + 1) * 4L, pos);
    }
    return finish(v, n);
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** Arrow validity of row {@code i} (NaN is a valid value here). */
  public static boolean isValid(FieldVector v, int i) {
    return BitVectorHelper.get(v.getValidityBuffer(), i) != 0;
  }

  /** Per-row Arrow validity, or null when the vector has no nulls. */
  public static boolean[] validity(FieldVector v) {
    int n = v.getValueCount();
    if (v.getNullCount() == 0) return null;
    boolean[] out = new boolean[n];
    ArrowBuf buf = v.getValidityBuffer();
    for (int i = 0; i < n; i++) out[i] = BitVectorHelper.get(buf, i) != 0;
    return out;
  }

  /** Values as doubles (nulls → NaN, timestamps as µs, booleans as 0/1); strings are rejected. */
  public static double[] doubles(FieldVector v) {
    DType t = DType.of(v);
    int n = v.getValueCount();
    double[] out = new double[n];
    ArrowBuf data = v.getDataBuffer();
    // 8-byte values are read on the buffer's address: n rows of 8 bytes are inside it, and an
    // unchecked loop reads a column several times faster than a bounds check per value.
    switch (t) {
      case FLOAT64: {
        long at = address(data, v, n);
        for (int i = 0; i < n; i++) out[i] = Double.longBitsToDouble(MemoryUtil.getLong(at + i * 8L));
        break;
      }
      case INT64: case TIMESTAMP: {
        long at = address(data, v, n);
        for (int i = 0; i < n; i++) out[i] = MemoryUtil.getLong(at + i * 8L);
        break;
      }
      case INT32:
        for (int i = 0; i < n; i++) out[i] = data.getInt(i * 4L);
        break;
      case BOOL:
        for (int i = 0; i < n; i++) out[i] = BitVectorHelper.get(data, i);
        break;
      default:
        throw new IllegalArgumentException("column '" + v.getName() + "' of dtype " + t.pandasName() + " is not numeric");
    }
    if (v.getNullCount() > 0) {
      ArrowBuf valid = v.getValidityBuffer();
      for (int i = 0; i < n; i++) if (BitVectorHelper.get(valid, i) == 0) out[i] = Double.NaN;
    }
    return out;
  }

  /** Values as longs (nulls → 0) of a long-like vector; FLOAT64 and STRING are rejected. */
  public static long[] longs(FieldVector v) {
    DType t = DType.of(v);
    int n = v.getValueCount();
    long[] out = new long[n];
    ArrowBuf data = v.getDataBuffer();
    switch (t) {
      case INT64: case TIMESTAMP: {
        long at = address(data, v, n);
        for (int i = 0; i < n; i++) out[i] = MemoryUtil.getLong(at + i * 8L); // in the buffer, as in doubles()
        break;
      }
      case INT32:
        for (int i = 0; i < n; i++) out[i] = data.getInt(i * 4L);
        break;
      case BOOL:
        for (int i = 0; i < n; i++) out[i] = BitVectorHelper.get(data, i);
        break;
      default:
        throw new IllegalArgumentException("column '" + v.getName() + "' of dtype " + t.pandasName() + " has no integer values");
    }
    if (v.getNullCount() > 0) {
      ArrowBuf valid = v.getValidityBuffer();
      for (int i = 0; i < n; i++) if (BitVectorHelper.get(valid, i) == 0) out[i] = 0;
    }
    return out;
  }

  /** UTF-8 bytes of row {@code i} of a string vector (null for a null row). */
  public static byte[] utf8(FieldVector v, int i) {
    if (!isValid(v, i)) return null;
    ArrowBuf off = v.getOffsetBuffer();
    int s = off.getInt(i * 4L);
    int e = off.getInt((i + 1) * 4L);
    byte[] b = new byte[e - s];
    v.getDataBuffer().getBytes(s, b, 0, e - s);
    return b;
  }

  /** Row {@code i} of a string vector as a Java string (null for a null row). */
  public static String string(FieldVector v, int i) {
    byte[] b = utf8(v, i);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  // ---- reshaping -------------------------------------------------------------------------------

  /**
   * Zero-copy view of rows {@code [start, start+length)} under a new name: a new vector sharing
   * the source's buffers by reference count (validity bits are copied when {@code start} is not
   * a multiple of 8, string offsets are rebased).
   */
  public static FieldVector view(FieldVector src, String name, int start, int length) {
    TransferPair tp = src.getTransferPair(name == null ? "" : name, FrameMemory.allocator());
    tp.splitAndTransfer(start, length);
    return (FieldVector) tp.getTo();
  }

  /** Gathers {@code rows} of {@code src} into a new vector; row index -1 gives a null. */
  public static FieldVector take(FieldVector src, String name, int[] rows) {
    DType t = DType.of(src);
    int n = rows.length;
    if (width(t) == 8 && src.getNullCount() == 0) {
      return take8(src, t, name, rows);
    }
    ArrowBuf sValid = src.getValidityBuffer();
    boolean srcNulls = src.getNullCount() > 0;
    ArrowBuf sData = src.getDataBuffer();
    long bytes = 0;
    if (t == DType.STRING) {
      ArrowBuf off = src.getOffsetBuffer();
      for (int r : rows) if (r >= 0) bytes += off.getInt((r + 1) * 4L) - off.getInt(r * 4L);
    }
    FieldVector dst = allocate(t, name, n, bytes);
    ArrowBuf dValid = dst.getValidityBuffer();
    ArrowBuf dData = dst.getDataBuffer();
    for (int i = 0; i < n; i++) {
      int r = rows[i];
      if (r >= 0 && (!srcNulls || BitVectorHelper.get(sValid, r) != 0)) BitVectorHelper.setBit(dValid, i);
    }
    switch (t) {
      case FLOAT64: case INT64: case TIMESTAMP:
        for (int i = 0; i < n; i++) if (rows[i] >= 0) dData.setLong(i * 8L, sData.getLong(rows[i] * 8L));
        break;
      case INT32:
        for (int i = 0; i < n; i++) if (rows[i] >= 0) dData.setInt(i * 4L, sData.getInt(rows[i] * 4L));
        break;
      case BOOL:
        for (int i = 0; i < n; i++) if (rows[i] >= 0 && BitVectorHelper.get(sData, rows[i]) != 0) BitVectorHelper.setBit(dData, i);
        break;
      case STRING: {
        ArrowBuf sOff = src.getOffsetBuffer();
        ArrowBuf dOff = dst.getOffsetBuffer();
        int pos = 0;
        dOff.setInt(0, 0);
        for (int i = 0; i < n; i++) {
          int r = rows[i];
          if (r >= 0) {
            int s = sOff.getInt(r * 4L);
            int len = sOff.getInt((r + 1) * 4L) - s;
            if (len > 0) dData.setBytes(pos, sData, s, len);
            pos += len;
          }
          dOff.setInt((i + 1) * 4L, pos);
        }
        break;
      }
      default:
        throw new AssertionError(t);
    }
    return finish(dst, n);
  }

  /**
   * {@link #take} of an 8-byte column without nulls (the hot case of filters, joins and sorts): a
   * plain copy loop on the buffers' addresses, every row checked against the source's length first
   * so a bad row is an exception, never a read outside the buffer.
   */
  private static FieldVector take8(FieldVector src, DType t, String name, int[] rows) {
    int n = rows.length;
    int count = src.getValueCount();
    boolean misses = false;
    for (int r : rows) {
      if (r >= count) throw new IndexOutOfBoundsException("row " + r + " of a column of " + count + " rows");
      misses |= r < 0;
    }
    FieldVector dst = allocate(t, name, n, 0);
    if (n == 0) return finish(dst, 0);
    long from = address(src.getDataBuffer(), src, count);
    long to = dst.getDataBuffer().memoryAddress();
    for (int i = 0; i < n; i++) {
      int r = rows[i];
      MemoryUtil.putLong(to + 8L * i, r < 0 ? 0L : MemoryUtil.getLong(from + 8L * r));
    }
    if (misses) {
      ArrowBuf valid = dst.getValidityBuffer();
      for (int i = 0; i < n; i++) if (rows[i] >= 0) BitVectorHelper.setBit(valid, i);
    } else {
      setAllValid(dst.getValidityBuffer(), n);
    }
    return finish(dst, n);
  }

  /**
   * The address of the data buffer of a fixed-width column holding {@code rows} values, its size
   * checked once, so the unchecked loops reading it never leave it.
   */
  static long address(ArrowBuf data, FieldVector v, int rows) {
    if (rows == 0) return 0;
    if (data.capacity() < rows * (long) width(DType.of(v))) {
      throw new IllegalStateException("column '" + v.getName() + "' has " + rows + " rows but a data buffer of "
          + data.capacity() + " bytes");
    }
    return data.memoryAddress();
  }

  /** Row indices where {@code mask} (a BOOL vector) is true; null mask entries count as false. */
  public static int[] maskRows(FieldVector mask) {
    int n = mask.getValueCount();
    if (mask.getNullCount() == 0) {
      return setBits(mask.getDataBuffer(), n);
    }
    ArrowBuf data = mask.getDataBuffer();
    ArrowBuf valid = mask.getValidityBuffer();
    boolean nulls = mask.getNullCount() > 0;
    int count = 0;
    for (int i = 0; i < n; i++) if (BitVectorHelper.get(data, i) != 0 && (!nulls || BitVectorHelper.get(valid, i) != 0)) count++;
    int[] rows = new int[count];
    int k = 0;
    for (int i = 0; i < n; i++) if (BitVectorHelper.get(data, i) != 0 && (!nulls || BitVectorHelper.get(valid, i) != 0)) rows[k++] = i;
    return rows;
  }

  /** Indices of the set bits among the first {@code n} of a bitmap, a byte at a time. */
  private static int[] setBits(ArrowBuf bits, int n) {
    int bytes = (n + 7) >>> 3;
    byte[] b = new byte[bytes];
    if (bytes > 0) bits.getBytes(0, b, 0, bytes);
    if ((n & 7) != 0) b[bytes - 1] &= (byte) ((1 << (n & 7)) - 1); // bits past the end are not rows
    int count = 0;
    for (byte x : b) count += Integer.bitCount(x & 0xff);
    int[] rows = new int[count];
    int k = 0;
    for (int j = 0; j < bytes; j++) {
      int x = b[j] & 0xff;
      while (x != 0) {
        rows[k++] = (j << 3) + Integer.numberOfTrailingZeros(x);
        x &= x - 1;
      }
    }
    return rows;
  }

  /** Concatenates vectors of one dtype, in order, into a new vector. */
  public static FieldVector concat(DType t, String name, List<FieldVector> parts) {
    int n = 0;
    long bytes = 0;
    for (FieldVector p : parts) {
      if (DType.of(p) != t) throw new IllegalArgumentException("cannot concat " + DType.of(p).pandasName() + " column '" + p.getName() + "' into " + t.pandasName());
      n += p.getValueCount();
      if (t == DType.STRING && p.getValueCount() > 0) {
        ArrowBuf off = p.getOffsetBuffer();
        bytes += off.getInt(p.getValueCount() * 4L) - off.getInt(0);
      }
    }
    FieldVector dst = allocate(t, name, n, bytes);
    ArrowBuf dValid = dst.getValidityBuffer();
    ArrowBuf dData = dst.getDataBuffer();
    int row = 0;
    int pos = 0;
    if (t == DType.STRING) dst.getOffsetBuffer().setInt(0, 0);
    for (FieldVector p : parts) {
      int m = p.getValueCount();
      if (m == 0) continue;
      ArrowBuf sValid = p.getValidityBuffer();
      ArrowBuf sData = p.getDataBuffer();
      boolean nulls = p.getNullCount() > 0;
      for (int i = 0; i < m; i++) if (!nulls || BitVectorHelper.get(sValid, i) != 0) BitVectorHelper.setBit(dValid, row + i);
      int w = width(t);
      if (w > 0) {
        dData.setBytes((long) row * w, sData, 0, (long) m * w);
      } else if (t == DType.BOOL) {
        for (int i = 0; i < m; i++) if (BitVectorHelper.get(sData, i) != 0) BitVectorHelper.setBit(dData, row + i);
      } else {
        ArrowBuf sOff = p.getOffsetBuffer();
        ArrowBuf dOff = dst.getOffsetBuffer();
        int s0 = sOff.getInt(0);
        int len = sOff.getInt(m * 4L) - s0;
        if (len > 0) dData.setBytes(pos, sData, s0, len);
        for (int i = 1; i <= m; i++) dOff.setInt((row + i) * 4L, pos + sOff.getInt(i * 4L) - s0);
        pos += len;
      }
      row += m;
    }
    return finish(dst, n);
  }

  /** True when both vectors have the same dtype, length, nulls and values (NaN equals NaN). */
  public static boolean contentEquals(FieldVector a, FieldVector b) {
    DType t = DType.of(a);
    if (t != DType.of(b) || a.getValueCount() != b.getValueCount()) return false;
    int n = a.getValueCount();
    for (int i = 0; i < n; i++) {
      boolean va = isValid(a, i);
      if (va != isValid(b, i)) return false;
      if (!va) continue;
      switch (t) {
        case FLOAT64: {
          double x = a.getDataBuffer().getDouble(i * 8L);
          double y = b.getDataBuffer().getDouble(i * 8L);
          if (!(x == y || (Double.isNaN(x) && Double.isNaN(y)))) return false;
          break;
        }
        case INT64: case TIMESTAMP:
          if (a.getDataBuffer().getLong(i * 8L) != b.getDataBuffer().getLong(i * 8L)) return false;
          break;
        case INT32:
          if (a.getDataBuffer().getInt(i * 4L) != b.getDataBuffer().getInt(i * 4L)) return false;
          break;
        case BOOL:
          if (BitVectorHelper.get(a.getDataBuffer(), i) != BitVectorHelper.get(b.getDataBuffer(), i)) return false;
          break;
        case STRING:
          if (!java.util.Arrays.equals(utf8(a, i), utf8(b, i))) return false;
          break;
        default:
          throw new AssertionError(t);
      }
    }
    return true;
  }
}
