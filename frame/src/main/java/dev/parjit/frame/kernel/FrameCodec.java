package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
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
 * little-endian). Every dtype and nulls round-trip exactly.
 */
public final class FrameCodec {
  private static final int MAGIC = 0x4346_4A50; // "PJFC" read little-endian
  private static final int VERSION = 1;

  private FrameCodec() {}

  /** The frame as bytes. */
  public static byte[] encode(DataFrame df) {
    byte[] out = new byte[encodedSize(df)];
    encode(df, out, 0);
    return out;
  }

  /** The length of {@link #encode}'s bytes for {@code df}. */
  public static int encodedSize(DataFrame df) {
    try {
      List<String> names = df.columns();
      int n = df.numRows();
      long size = 16;
      for (String name : names) {
        FieldVector v = df.column(name).arrowVector();
        size += 4 + name.getBytes(StandardCharsets.UTF_8).length + 2 + (v.getNullCount() > 0 ? bitmapBytes(n) : 0)
            + valueBytes(v, n);
      }
      if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("frame too large to encode in one array: " + size + " bytes");
      return (int) size;
    } finally {
      java.lang.ref.Reference.reachabilityFence(df);
    }
  }

  /**
   * Writes {@link #encode}'s bytes for {@code df} into {@code out} from {@code offset} (it must have
   * {@link #encodedSize} bytes there): several frames can go into one buffer without a copy each.
   */
  public static void encode(DataFrame df, byte[] out, int offset) {
    try {
      encodeColumns(df, ByteBuffer.wrap(out, offset, out.length - offset).order(ByteOrder.LITTLE_ENDIAN));
    } finally {
      java.lang.ref.Reference.reachabilityFence(df);
    }
  }

  private static void encodeColumns(DataFrame df, ByteBuffer bb) {
    List<String> names = df.columns();
    int n = df.numRows();
    List<FieldVector> vecs = new ArrayList<>();
    for (String c : names) vecs.add(df.column(c).arrowVector());
    List<byte[]> nameBytes = new ArrayList<>();
    for (String name : names) nameBytes.add(name.getBytes(StandardCharsets.UTF_8));
    bb.putInt(MAGIC).putInt(VERSION).putInt(vecs.size()).putInt(n);
    for (int c = 0; c < vecs.size(); c++) {
      FieldVector v = vecs.get(c);
      DType t = DType.of(v);
      bb.putInt(nameBytes.get(c).length).put(nameBytes.get(c));
      bb.put(code(t));
      boolean nulls = v.getNullCount() > 0;
      bb.put((byte) (nulls ? 1 : 0));
      if (nulls) putBits(bb, v.getValidityBuffer(), n);
      int w = Vectors.width(t);
      if (w > 0) {
        copyOut(bb, v.getDataBuffer(), 0, (long) n * w);
      } else if (t == DType.BOOL) {
        putBits(bb, v.getDataBuffer(), n);
      } else {
        ArrowBuf off = v.getOffsetBuffer();
        int base = n == 0 ? 0 : off.getInt(0);
        for (int i = 0; i <= n; i++) bb.putInt(n == 0 ? 0 : off.getInt(i * 4L) - base);
        int len = n == 0 ? 0 : off.getInt(n * 4L) - base;
        copyOut(bb, v.getDataBuffer(), base, len);
      }
    }
  }

  /** The frame encoded by {@link #encode}; corrupt input is rejected with IllegalArgumentException. */
  public static DataFrame decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** As {@link #decode(byte[])} for the encoding in {@code bytes[offset, offset + length)}. */
  public static DataFrame decode(byte[] bytes, int offset, int length) {
    // Positions below are indices into 'bytes' (the buffer's position starts at offset): the Arrow
    // copies take them as they are.
    ByteBuffer bb = ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN);
    List<FieldVector> vecs = new ArrayList<>();
    try {
      if (bb.getInt() != MAGIC) throw corrupt("bad magic");
      int version = bb.getInt();
      if (version != VERSION) throw corrupt("unsupported version " + version);
      int cols = bb.getInt();
      int n = bb.getInt();
      if (cols < 0 || n < 0) throw corrupt("negative sizes");
      for (int c = 0; c < cols; c++) {
        int nameLen = bb.getInt();
        if (nameLen < 0 || nameLen > bb.remaining()) throw corrupt("bad name length " + nameLen);
        byte[] nb = new byte[nameLen];
        bb.get(nb);
        String name = new String(nb, StandardCharsets.UTF_8);
        DType t = dtype(bb.get(), name);
        boolean nulls = bb.get() != 0;
        int validStart = bb.position();
        if (nulls) skip(bb, bitmapBytes(n));
        int w = Vectors.width(t);
        FieldVector v;
        // Sizes are checked against the input before anything is allocated, so a corrupt
        // row count cannot trigger a huge allocation.
        if (t == DType.STRING) {
          int offStart = bb.position();
          skip(bb, (n + 1L) * 4);
          int total = bb.getInt(offStart + n * 4);
          if (total < 0 || total > bb.remaining() || bb.getInt(offStart) != 0) throw corrupt("bad string offsets in column '" + name + "'");
          int dataStart = bb.position();
          skip(bb, total);
          v = Vectors.allocate(t, name, n, total);
          vecs.add(v);
          v.getOffsetBuffer().setBytes(0, bytes, offStart, (n + 1L) * 4);
          if (total > 0) v.getDataBuffer().setBytes(0, bytes, dataStart, total);
        } else {
          long len = w > 0 ? (long) n * w : bitmapBytes(n);
          int dataStart = bb.position();
          skip(bb, len);
          v = Vectors.allocate(t, name, n, 0);
          vecs.add(v);
          if (len > 0) v.getDataBuffer().setBytes(0, bytes, dataStart, len);
        }
        if (nulls) {
          if (n > 0) v.getValidityBuffer().setBytes(0, bytes, validStart, bitmapBytes(n));
        } else {
          Vectors.setValidity(v, null, n);
        }
        Vectors.finish(v, n);
      }
      if (bb.hasRemaining()) throw corrupt(bb.remaining() + " trailing bytes");
      return DataFrame.fromArrow(vecs);
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      vecs.forEach(FieldVector::close);
      throw corrupt("truncated input");
    } catch (RuntimeException e) {
      vecs.forEach(FieldVector::close);
      throw e;
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

  private static long bitmapBytes(int n) {
    return (n + 7L) / 8;
  }

  private static long valueBytes(FieldVector v, int n) {
    DType t = DType.of(v);
    int w = Vectors.width(t);
    if (w > 0) return (long) n * w;
    if (t == DType.BOOL) return bitmapBytes(n);
    ArrowBuf off = v.getOffsetBuffer();
    return (n + 1L) * 4 + (n == 0 ? 0 : off.getInt(n * 4L) - off.getInt(0));
  }

  /** Copies {@code n} bits from an Arrow bitmap, clearing the unused high bits of the last byte. */
  private static void putBits(ByteBuffer bb, ArrowBuf bits, int n) {
    int bytes = (int) bitmapBytes(n);
    int start = bb.position();
    copyOut(bb, bits, 0, bytes);
    if ((n & 7) != 0) {
      int last = start + bytes - 1;
      bb.put(last, (byte) (bb.get(last) & ((1 << (n & 7)) - 1)));
    }
  }

  private static void copyOut(ByteBuffer bb, ArrowBuf src, long srcIndex, long len) {
    if (len > 0) src.getBytes(srcIndex, bb.array(), bb.position(), (int) len);
    bb.position(bb.position() + (int) len);
  }

  private static void skip(ByteBuffer bb, long len) {
    if (len < 0 || len > bb.remaining()) throw new BufferUnderflowException();
    bb.position(bb.position() + (int) len);
  }

  private static IllegalArgumentException corrupt(String why) {
    return new IllegalArgumentException("corrupt frame encoding: " + why);
  }
}
