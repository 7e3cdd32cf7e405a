package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * A compact binary form of a {@link DataFrame}, for shipping frames between ranks without Arrow
 * IPC (which needs {@code --add-opens}). All integers little-endian:
 *
 * <pre>
 * "PJFC" magic, int32 version (1), int32 columns, int32 rows
 * per column:
 *   int32 name length, UTF-8 name bytes
 *   int8  dtype code: 1 float64, 2 int64, 3 int32, 4 bool, 5 string, 6 timestamp[us]
 *   int8  1 if a validity bitmap follows, else 0 (no nulls)
 *   [ceil(rows/8) bytes validity, bit i (LSB first) set = row i valid]
 *   values: float64/int64/timestamp rows*8 bytes; int32 rows*4 bytes; bool ceil(rows/8) bytes
 *           (LSB first); string (rows+1) int32 offsets from 0, then offsets[rows] UTF-8 bytes
 * </pre>
 *
 * Value bytes are copied straight from and into the Arrow buffers (Arrow's layout is
 * little-endian). Every dtype and nulls round-trip exactly. A frame's chosen rows encode as the
 * frame of those rows would, gathered straight into the bytes: an exchange of rows between ranks
 * builds no frame per destination. Decoding goes through {@link FrameAssembly}, which also lays
 * several encodings end to end into one frame.
 */
public final class FrameCodec {
  private static final int MAGIC = 0x4346_4A50; // "PJFC" read little-endian
  private static final int VERSION = 1;
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private FrameCodec() {}

  /** Where one column's parts sit in an encoding: positions index the byte array; -1 when absent. */
  public record ColumnLayout(String name, DType type, int validity, int offsets, int data, int dataBytes) { }

  /** A checked encoding of {@code rows} rows: its columns' parts in {@code bytes}. */
  public record Layout(byte[] bytes, int rows, List<ColumnLayout> columns) { }

  /** The frame as bytes. */
  public static byte[] encode(DataFrame df) {
    byte[] out = new byte[encodedSize(df)];
    encode(df, out, 0);
    return out;
  }

  /** The length of {@link #encode}'s bytes for {@code df}. */
  public static int encodedSize(DataFrame df) {
    return encodedSize(df, null, 0, df.numRows());
  }

  /**
   * Writes {@link #encode}'s bytes for {@code df} into {@code out} from {@code offset} (it must have
   * {@link #encodedSize} bytes there): several frames can go into one buffer without a copy each.
   */
  public static void encode(DataFrame df, byte[] out, int offset) {
    encode(df, null, 0, df.numRows(), out, offset);
  }

  /**
   * The length of the encoding of {@code df}'s rows {@code rows[from, to)} (with {@code rows} null:
   * rows {@code from} to {@code to - 1}).
   */
  public static int encodedSize(DataFrame df, int[] rows, int from, int to) {
    try {
      int m = to - from;
      long size = 16;
      for (String name : df.columns()) {
        FieldVector v = df.column(name).arrowVector();
        DType t = DType.of(v);
        int w = Vectors.width(t);
        long values = w > 0 ? (long) m * w : t == DType.BOOL ? bitmapBytes(m) : (m + 1L) * 4 + stringBytes(v, rows, from, to);
        size += 4 + name.getBytes(StandardCharsets.UTF_8).length + 2 + (v.getNullCount() > 0 ? bitmapBytes(m) : 0) + values;
      }
      if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("frame too large to encode in one array: " + size + " bytes");
      return (int) size;
    } finally {
      java.lang.ref.Reference.reachabilityFence(df);
    }
  }

  /**
   * Writes the encoding of {@code df}'s rows {@code rows[from, to)} (with {@code rows} null: rows
   * {@code from} to {@code to - 1}) into {@code out} from {@code offset}: the bytes {@link #encode}
   * gives for the frame of those rows, each value read once from the Arrow buffers. {@code out}
   * needs {@link #encodedSize(DataFrame, int[], int, int)} bytes there.
   */
  public static void encode(DataFrame df, int[] rows, int from, int to, byte[] out, int offset) {
    try {
      ByteBuffer bb = ByteBuffer.wrap(out, offset, out.length - offset).order(ByteOrder.LITTLE_ENDIAN);
      List<String> names = df.columns();
      int m = to - from;
      checkRows(df.numRows(), rows, from, to);
      bb.putInt(MAGIC).putInt(VERSION).putInt(names.size()).putInt(m);
      for (String name : names) {
        FieldVector v = df.column(name).arrowVector();
        DType t = DType.of(v);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        bb.putInt(nameBytes.length).put(nameBytes).put(code(t));
        boolean nulls = v.getNullCount() > 0;
        bb.put((byte) (nulls ? 1 : 0));
        if (nulls) putBits(bb, v.getValidityBuffer(), rows, from, to);
        int w = Vectors.width(t);
        if (w > 0) {
          putFixed(bb, v, w, rows, from, to);
        } else if (t == DType.BOOL) {
          putBits(bb, v.getDataBuffer(), rows, from, to);
        } else {
          putStrings(bb, v, rows, from, to);
        }
      }
    } finally {
      java.lang.ref.Reference.reachabilityFence(df);
    }
  }

  /** Every chosen row is one of the frame's {@code count}: the gathers below read the buffers unchecked. */
  private static void checkRows(int count, int[] rows, int from, int to) {
    if (from < 0 || from > to || (rows == null ? to > count : to > rows.length)) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + (rows == null ? count + " rows" : rows.length + " row numbers"));
    }
    if (rows != null) {
      for (int k = from; k < to; k++) {
        if (rows[k] < 0 || rows[k] >= count) throw new IndexOutOfBoundsException("row " + rows[k] + " of a column of " + count + " rows");
      }
    }
  }

  private static void putFixed(ByteBuffer bb, FieldVector v, int w, int[] rows, int from, int to) {
    int m = to - from;
    int pos = bb.position();
    byte[] out = bb.array();
    if (rows == null) {
      if (m > 0) v.getDataBuffer().getBytes((long) from * w, out, pos, m * w);
    } else if (m > 0) {
      long at = v.getDataBuffer().memoryAddress(); // every row checked against the vector's length
      if (w == 8) {
        for (int k = 0; k < m; k++) LONG_LE.set(out, pos + 8 * k, MemoryUtil.getLong(at + 8L * rows[from + k]));
      } else {
        for (int k = 0; k < m; k++) INT_LE.set(out, pos + 4 * k, MemoryUtil.getInt(at + 4L * rows[from + k]));
      }
    }
    bb.position(pos + m * w);
  }

  /** The chosen bits of an Arrow bitmap, packed from bit 0, the last byte's unused bits clear. */
  private static void putBits(ByteBuffer bb, ArrowBuf bits, int[] rows, int from, int to) {
    int m = to - from;
    int bytes = (int) bitmapBytes(m);
    int start = bb.position();
    byte[] out = bb.array();
    if (rows == null && (from & 7) == 0) {
      if (bytes > 0) bits.getBytes(from >>> 3, out, start, bytes);
      if ((m & 7) != 0) out[start + bytes - 1] &= (byte) ((1 << (m & 7)) - 1);
    } else {
      java.util.Arrays.fill(out, start, start + bytes, (byte) 0);
      for (int k = 0; k < m; k++) {
        int r = rows == null ? from + k : rows[from + k];
        if (BitVectorHelper.get(bits, r) != 0) out[start + (k >>> 3)] |= (byte) (1 << (k & 7));
      }
    }
    bb.position(start + bytes);
  }

  private static void putStrings(ByteBuffer bb, FieldVector v, int[] rows, int from, int to) {
    int m = to - from;
    ArrowBuf off = v.getOffsetBuffer();
    ArrowBuf data = v.getDataBuffer();
    int offsetsAt = bb.position();
    int dataAt = offsetsAt + (m + 1) * 4;
    byte[] out = bb.array();
    int pos = 0;
    INT_LE.set(out, offsetsAt, 0);
    if (rows == null) { // a range: offsets rebased, the bytes copied in one go
      int base = m == 0 ? 0 : off.getInt(from * 4L);
      for (int k = 1; k <= m; k++) INT_LE.set(out, offsetsAt + 4 * k, off.getInt((from + k) * 4L) - base);
      pos = m == 0 ? 0 : off.getInt(to * 4L) - base;
      if (pos > 0) data.getBytes(base, out, dataAt, pos);
      bb.position(dataAt + pos);
      return;
    }
    for (int k = 0; k < m; k++) {
      int r = rows == null ? from + k : rows[from + k];
      int s = off.getInt(r * 4L);
      int len = off.getInt((r + 1) * 4L) - s;
      if (len > 0) data.getBytes(s, out, dataAt + pos, len);
      pos += len;
      INT_LE.set(out, offsetsAt + 4 * (k + 1), pos);
    }
    bb.position(dataAt + pos);
  }

  /** UTF-8 bytes of the chosen rows of a string column; 0 for any other column. */
  private static long stringBytes(FieldVector v, int[] rows, int from, int to) {
    if (DType.of(v) != DType.STRING || from == to) return 0;
    ArrowBuf off = v.getOffsetBuffer();
    if (rows == null) return off.getInt(to * 4L) - off.getInt(from * 4L);
    long bytes = 0;
    for (int k = from; k < to; k++) bytes += off.getInt((rows[k] + 1) * 4L) - off.getInt(rows[k] * 4L);
    return bytes;
  }

  /** The frame encoded by {@link #encode}; corrupt input is rejected with IllegalArgumentException. */
  public static DataFrame decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** As {@link #decode(byte[])} for the encoding in {@code bytes[offset, offset + length)}. */
  public static DataFrame decode(byte[] bytes, int offset, int length) {
    return FrameAssembly.concat(List.of(FrameAssembly.Piece.encoded(layout(bytes, offset, length))));
  }

  /**
   * The parts of the encoding in {@code bytes[offset, offset + length)}, every size checked against
   * the input (so a corrupt row count can never size an allocation); corrupt input is rejected with
   * IllegalArgumentException.
   */
  public static Layout layout(byte[] bytes, int offset, int length) {
    // Positions below are indices into 'bytes' (the buffer's position starts at offset).
    ByteBuffer bb = ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN);
    try {
      if (bb.getInt() != MAGIC) throw corrupt("bad magic");
      int version = bb.getInt();
      if (version != VERSION) throw corrupt("unsupported version " + version);
      int cols = bb.getInt();
      int n = bb.getInt();
      if (cols < 0 || n < 0) throw corrupt("negative sizes");
      List<ColumnLayout> columns = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        int nameLen = bb.getInt();
        if (nameLen < 0 || nameLen > bb.remaining()) throw corrupt("bad name length " + nameLen);
        byte[] nb = new byte[nameLen];
        bb.get(nb);
        String name = new String(nb, StandardCharsets.UTF_8);
        DType t = dtype(bb.get(), name);
        boolean nulls = bb.get() != 0;
        int validity = nulls ? bb.position() : -1;
        if (nulls) skip(bb, bitmapBytes(n));
        if (t == DType.STRING) {
          int offsets = bb.position();
          skip(bb, (n + 1L) * 4);
          int total = bb.getInt(offsets + n * 4);
          if (total < 0 || total > bb.remaining() || bb.getInt(offsets) != 0) throw corrupt("bad string offsets in column '" + name + "'");
          int data = bb.position();
          skip(bb, total);
          columns.add(new ColumnLayout(name, t, validity, offsets, data, total));
        } else {
          int w = Vectors.width(t);
          long len = w > 0 ? (long) n * w : bitmapBytes(n);
          int data = bb.position();
          skip(bb, len);
          columns.add(new ColumnLayout(name, t, validity, -1, data, (int) len));
        }
      }
      if (bb.hasRemaining()) throw corrupt(bb.remaining() + " trailing bytes");
      return new Layout(bytes, n, List.copyOf(columns));
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw corrupt("truncated input");
    }
  }

  /** Wire code of a dtype (fixed: never renumber). */
  private static byte code(DType t) {
    switch (t) {
      case FLOAT64: return 1;
      case INT64: return 2;
      case INT32: return 3;
      case BOOL: return 4;
      case STRING: return 5;
      case TIMESTAMP: return 6;
      default: throw new AssertionError(t);
    }
  }

  private static DType dtype(byte code, String column) {
    switch (code) {
      case 1: return DType.FLOAT64;
      case 2: return DType.INT64;
      case 3: return DType.INT32;
      case 4: return DType.BOOL;
      case 5: return DType.STRING;
      case 6: return DType.TIMESTAMP;
      default: throw corrupt("bad dtype code " + code + " for column '" + column + "'");
    }
  }

  static long bitmapBytes(int n) {
    return (n + 7L) / 8;
  }

  private static void skip(ByteBuffer bb, long len) {
    if (len < 0 || len > bb.remaining()) throw new BufferUnderflowException();
    bb.position(bb.position() + (int) len);
  }

  static IllegalArgumentException corrupt(String why) {
    return new IllegalArgumentException("corrupt frame encoding: " + why);
  }
}
