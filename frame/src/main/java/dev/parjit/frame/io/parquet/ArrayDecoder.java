package dev.parjit.frame.io.parquet;

import dev.parjit.frame.kernel.ColumnBatches;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.values.ValuesReader;

/**
 * Decodes a numeric column chunk into a reused primitive array ({@link ColumnBatches.Column}):
 * float columns (DOUBLE, FLOAT) into doubles with NaN for nulls, integral ones (INT64, INT32 as
 * {@link StatsDecoder#supports} accepts them) into longs with 0 for nulls, as
 * {@code Vectors.doubles}/{@code Vectors.longs} read Arrow vectors; validity is kept only once a
 * page has nulls. One chunk per batch: rows are counted from 0.
 */
final class ArrayDecoder extends ChunkDecoder {
  private final StatsDecoder.Source source;
  private final boolean floating;
  private final ColumnBatches.Column out;
  private long[] dict = new long[0];
  private int rows;

  ArrayDecoder(ColumnDescriptor column, ColumnBatches.Column out) {
    super(null, column);
    this.source = StatsDecoder.source(column);
    if (source == null) {
      throw new IllegalArgumentException("no primitive-array decoding for " + column);
    }
    this.floating = source == StatsDecoder.Source.DOUBLE || source == StatsDecoder.Source.FLOAT;
    this.out = out;
  }

  /**
   * Sizes the arrays for a chunk of {@code n} rows (keeping larger ones an earlier scan left) and
   * forgets the previous chunk's validity; the array of the other kind is dropped, since a sink
   * tells float columns from integral ones by which array is set.
   */
  void startBatch(int n) {
    rows = n;
    if (floating) {
      if (out.doubles == null || out.doubles.length < n) {
        out.doubles = new double[n];
      }
      out.longs = null;
    } else {
      if (out.longs == null || out.longs.length < n) {
        out.longs = new long[n];
      }
      out.doubles = null;
    }
    out.valid = null;
  }

  @Override
  void allValid(long row, int n) {
    if (out.valid != null) {
      Arrays.fill(out.valid, (int) row, (int) row + n, true);
    }
  }

  @Override
  void noneValid(long row, int n) {
    validAt(row, n, null, 0);
  }

  @Override
  void validAt(long row, int n, int[] pos, int k) {
    int r = (int) row;
    if (out.valid == null) {
      boolean[] v = new boolean[rows];
      Arrays.fill(v, 0, r, true);
      out.valid = v;
    }
    Arrays.fill(out.valid, r, r + n, false);
    for (int i = 0; i < k; i++) {
      out.valid[r + pos[i]] = true;
    }
    // Null slots read as NaN (floats) or 0 (integers); values then overwrite the others.
    if (floating) {
      Arrays.fill(out.doubles, r, r + n, Double.NaN);
    } else {
      Arrays.fill(out.longs, r, r + n, 0L);
    }
  }

  private void put(long row, long raw) {
    if (floating) {
      out.doubles[(int) row] = Double.longBitsToDouble(raw); // FLOAT values arrive widened
    } else {
      out.longs[(int) row] = raw;
    }
  }

  @Override
  void loadDictionary(byte[] a, int off, int end, int size) {
    int w = StatsDecoder.width(source);
    PageBytes.need(off, end, (long) size * w);
    long[] d = new long[size];
    for (int i = 0; i < size; i++) {
      d[i] = StatsDecoder.raw(source, a, off + i * w);
    }
    dict = d;
  }

  @Override
  void plain(byte[] a, int off, int end, long row, int[] positions, int count) {
    int w = StatsDecoder.width(source);
    PageBytes.need(off, end, (long) count * w);
    int r = (int) row;
    if (positions == null && source == StatsDecoder.Source.DOUBLE) {
      // A bulk copy (memcpy on little-endian machines): it does not depend on how well the JIT
      // inlined a per-value load into whichever method it compiled first.
      ByteBuffer.wrap(a, off, count * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out.doubles, r, count);
    } else if (positions == null && source == StatsDecoder.Source.LONG) {
      ByteBuffer.wrap(a, off, count * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out.longs, r, count);
    } else {
      for (int k = 0; k < count; k++) {
        put(at(row, positions, k), StatsDecoder.raw(source, a, off + k * w));
      }
    }
  }

  @Override
  void dictionary(int[] ids, long row, int[] positions, int count) {
    long[] d = dict;
    for (int k = 0; k < count; k++) {
      int id = ids[k];
      if (id < 0 || id >= d.length) {
        throw new org.apache.parquet.io.ParquetDecodingException("dictionary id " + id + " out of range " + d.length);
      }
      put(at(row, positions, k), d[id]);
    }
  }

  @Override
  void fallback(ValuesReader r, long row, int[] positions, int count) {
    for (int k = 0; k < count; k++) {
      put(at(row, positions, k), StatsDecoder.read(source, r));
    }
  }
}
