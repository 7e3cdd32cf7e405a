package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * One frame from pieces laid end to end, each written straight into the result's columns: one
 * allocation per column, no frame per piece and no concatenation afterwards. A piece is an encoding
 * ({@link FrameCodec#layout}) or chosen rows of a local frame, gathered from its buffers: an
 * exchange of rows between ranks ends with what it received and the rows it kept, in rank order.
 */
public final class FrameAssembly {
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private FrameAssembly() {}

  /** Rows of one frame: an encoding, or chosen rows of a local frame. */
  public sealed interface Piece permits Encoded, Rows {
    /** The piece's row count. */
    int count();

    /** The rows of an encoding. */
    static Piece encoded(FrameCodec.Layout layout) {
      return new Encoded(layout);
    }

    /**
     * Rows {@code rows[from, to)} of {@code frame} (with {@code rows} null: rows {@code from} to
     * {@code to - 1}); checked here, so the copies read the frame's buffers unchecked.
     */
    static Piece rows(DataFrame frame, int[] rows, int from, int to) {
      int count = frame.numRows();
      if (from < 0 || from > to || (rows == null ? to > count : to > rows.length)) {
        throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + (rows == null ? count + " rows" : rows.length + " row numbers"));
      }
      if (rows != null) {
        for (int k = from; k < to; k++) {
          if (rows[k] < 0 || rows[k] >= count) throw new IndexOutOfBoundsException("row " + rows[k] + " of a frame of " + count + " rows");
        }
      }
      return new Rows(frame, rows, from, to);
    }
  }

  /** An encoding's rows. */
  public record Encoded(FrameCodec.Layout layout) implements Piece {
    @Override
    public int count() {
      return layout.rows();
    }
  }

  /** Chosen rows of a local frame; see {@link Piece#rows}. */
  public record Rows(DataFrame frame, int[] rows, int from, int to) implements Piece {
    @Override
    public int count() {
      return to - from;
    }

    int row(int k) {
      return rows == null ? from + k : rows[from + k];
    }
  }

  /**
   * The pieces' rows, one piece after another, as one frame. Every piece must have the first one's
   * column names and dtypes in its order (an IllegalArgumentException says which differs).
   */
  public static DataFrame concat(List<Piece> pieces) {
    if (pieces.isEmpty()) throw new IllegalArgumentException("concat needs at least one piece");
    List<String> names = names(pieces.get(0));
    List<DType> types = types(pieces.get(0));
    long n = 0;
    for (int i = 0; i < pieces.size(); i++) {
      Piece piece = pieces.get(i);
      if (!names(piece).equals(names) || !types(piece).equals(types)) {
        throw new IllegalArgumentException("piece " + i + " has columns " + names(piece) + " of " + types(piece)
            + " but piece 0 has " + names + " of " + types);
      }
      n += piece.count();
    }
    if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("pieces of " + n + " rows in all: more than a frame holds");
    List<FieldVector> out = new ArrayList<>(names.size());
    try {
      for (int c = 0; c < names.size(); c++) {
        out.add(column(pieces, c, names.get(c), types.get(c), (int) n));
      }
    } catch (RuntimeException | Error e) {
      out.forEach(FieldVector::close);
      throw e;
    } finally {
      java.lang.ref.Reference.reachabilityFence(pieces); // the frames of Rows pieces are read above
    }
    return DataFrame.fromArrow(out);
  }

  private static List<String> names(Piece piece) {
    if (piece instanceof Rows r) return r.frame().columns();
    return ((Encoded) piece).layout().columns().stream().map(FrameCodec.ColumnLayout::name).toList();
  }

  private static List<DType> types(Piece piece) {
    if (piece instanceof Rows r) return r.frame().columns().stream().map(c -> r.frame().column(c).dtype()).toList();
    return ((Encoded) piece).layout().columns().stream().map(FrameCodec.ColumnLayout::type).toList();
  }

  private static FieldVector column(List<Piece> pieces, int c, String name, DType t, int n) {
    long bytes = 0;
    boolean nulls = false;
    for (Piece piece : pieces) {
      if (piece instanceof Rows r) {
        FieldVector v = vector(r, c);
        nulls |= v.getNullCount() > 0;
        bytes += stringBytes(v, r);
      } else {
        FrameCodec.ColumnLayout col = ((Encoded) piece).layout().columns().get(c);
        nulls |= col.validity() >= 0;
        bytes += t == DType.STRING ? col.dataBytes() : 0;
      }
    }
    if (bytes > Integer.MAX_VALUE) throw new IllegalArgumentException("column '" + name + "' would hold " + bytes + " string bytes");
    FieldVector dst = Vectors.allocate(t, name, n, bytes);
    try {
      if (t == DType.STRING) dst.getOffsetBuffer().setInt(0, 0);
      int at = 0;
      int pos = 0;
      for (Piece piece : pieces) {
        pos = piece instanceof Rows r ? copyRows(r, vector(r, c), dst, t, at, pos, nulls)
            : copyEncoded(((Encoded) piece).layout(), ((Encoded) piece).layout().columns().get(c), dst, t, at, pos, nulls);
        at += piece.count();
      }
      if (!nulls) Vectors.setAllValid(dst.getValidityBuffer(), n); // else each piece set its valid rows
      return Vectors.finish(dst, n);
    } catch (RuntimeException | Error e) {
      dst.close();
      throw e;
    }
  }

  private static FieldVector vector(Rows r, int c) {
    return r.frame().column(r.frame().columns().get(c)).arrowVector();
  }

  private static long stringBytes(FieldVector v, Rows r) {
    if (DType.of(v) != DType.STRING) return 0;
    ArrowBuf off = v.getOffsetBuffer();
    long bytes = 0;
    for (int k = 0; k < r.count(); k++) bytes += off.getInt((r.row(k) + 1) * 4L) - off.getInt(r.row(k) * 4L);
    return bytes;
  }

  /**
   * Writes an encoded column's rows at row {@code at} (string bytes at {@code pos}) of {@code dst};
   * with {@code nulls}, also their validity. Returns the string byte position after them.
   */
  private static int copyEncoded(FrameCodec.Layout layout, FrameCodec.ColumnLayout col, FieldVector dst, DType t, int at,
      int pos, boolean nulls) {
    byte[] bytes = layout.bytes();
    int m = layout.rows();
    if (nulls && col.validity() >= 0) {
      copyBits(bytes, col.validity(), dst.getValidityBuffer(), at, m);
    } else if (nulls) {
      for (int i = 0; i < m; i++) BitVectorHelper.setBit(dst.getValidityBuffer(), at + i);
    }
    ArrowBuf data = dst.getDataBuffer();
    int w = Vectors.width(t);
    if (w > 0) {
      if (m > 0) data.setBytes((long) at * w, bytes, col.data(), (long) m * w);
    } else if (t == DType.BOOL) {
      copyBits(bytes, col.data(), data, at, m);
    } else {
      ArrowBuf off = dst.getOffsetBuffer();
      int previous = 0;
      for (int i = 1; i <= m; i++) {
        int o = (int) INT_LE.get(bytes, col.offsets() + 4 * i);
        if (o < previous || o > col.dataBytes()) throw FrameCodec.corrupt("bad string offsets in column '" + col.name() + "'");
        off.setInt((at + i) * 4L, pos + o);
        previous = o;
      }
      if (col.dataBytes() > 0) data.setBytes(pos, bytes, col.data(), col.dataBytes());
      pos += col.dataBytes();
    }
    return pos;
  }

  /**
   * Sets bits {@code [at, at + m)} of a zeroed Arrow bitmap from an encoded one at {@code src}: whole
   * bytes when {@code at} falls on a byte, its last byte's bits past {@code m} cleared (the next
   * piece's bits go there).
   */
  private static void copyBits(byte[] bytes, int src, ArrowBuf dst, int at, int m) {
    if ((at & 7) == 0) {
      int whole = m >>> 3;
      if (whole > 0) dst.setBytes(at >>> 3, bytes, src, whole);
      if ((m & 7) != 0) dst.setByte((at >>> 3) + whole, bytes[src + whole] & ((1 << (m & 7)) - 1));
    } else {
      for (int i = 0; i < m; i++) {
        if ((bytes[src + (i >>> 3)] & (1 << (i & 7))) != 0) BitVectorHelper.setBit(dst, at + i);
      }
    }
  }

  /** As {@link #copyEncoded} for chosen rows of a local column {@code v}. */
  private static int copyRows(Rows r, FieldVector v, FieldVector dst, DType t, int at, int pos, boolean nulls) {
    int m = r.count();
    if (nulls) {
      ArrowBuf valid = dst.getValidityBuffer();
      boolean srcNulls = v.getNullCount() > 0;
      ArrowBuf srcValid = v.getValidityBuffer();
      for (int k = 0; k < m; k++) {
        if (!srcNulls || BitVectorHelper.get(srcValid, r.row(k)) != 0) BitVectorHelper.setBit(valid, at + k);
      }
    }
    if (m == 0) return pos;
    ArrowBuf src = v.getDataBuffer();
    ArrowBuf data = dst.getDataBuffer();
    int w = Vectors.width(t);
    if (w > 0 && r.rows() != null) {
      // The rows were checked against the frame's length (Piece.rows), the destination has n rows.
      long from = src.memoryAddress();
      long to = data.memoryAddress() + (long) at * w;
      int[] rows = r.rows();
      int base = r.from();
      if (w == 8) {
        for (int k = 0; k < m; k++) MemoryUtil.putLong(to + 8L * k, MemoryUtil.getLong(from + 8L * rows[base + k]));
      } else {
        for (int k = 0; k < m; k++) MemoryUtil.putInt(to + 4L * k, MemoryUtil.getInt(from + 4L * rows[base + k]));
      }
    } else if (w > 0) {
      data.setBytes((long) at * w, src, (long) r.from() * w, (long) m * w);
    } else if (t == DType.BOOL) {
      for (int k = 0; k < m; k++) {
        if (BitVectorHelper.get(src, r.row(k)) != 0) BitVectorHelper.setBit(data, at + k);
      }
    } else {
      ArrowBuf srcOff = v.getOffsetBuffer();
      ArrowBuf off = dst.getOffsetBuffer();
      for (int k = 0; k < m; k++) {
        int row = r.row(k);
        int s = srcOff.getInt(row * 4L);
        int len = srcOff.getInt((row + 1) * 4L) - s;
        if (len > 0) data.setBytes(pos, src, s, len);
        pos += len;
        off.setInt((at + k + 1) * 4L, pos);
      }
    }
    return pos;
  }
}
