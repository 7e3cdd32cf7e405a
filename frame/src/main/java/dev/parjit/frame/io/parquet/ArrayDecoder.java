package dev.parjit.frame.io.parquet;

import dev.parjit.frame.kernel.ColumnBatches;
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

  /** Sizes the arrays for a chunk of {@code n} rows and forgets the previous chunk's validity. */
  void startBatch(int n) {
    rows = n;
    if (floating) {
      if (out.doubles == null || out.doubles.length < n) {
        out.doubles = new double[n];
      }
    } else if (out.longs == null || out.longs.length < n) {
      out.longs = new long[n];
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
      double[] d = out.doubles;
      for (int k = 0; k < count; k++) {
        d[r + k] = PageBytes.getDouble(a, off + k * 8);
      }
    } else if (positions == null && source == StatsDecoder.Source.LONG) {
      long[] d = out.longs;
      for (int k = 0; k < count; k++) {
        d[r + k] = PageBytes.getLong(a, off + k * 8);
      }
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
