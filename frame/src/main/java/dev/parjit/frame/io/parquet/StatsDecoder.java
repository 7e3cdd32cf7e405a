package dev.parjit.frame.io.parquet;

import dev.parjit.frame.kernel.ColumnStats;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * A column's {@link ColumnStats} computed straight from its decompressed pages, without an Arrow
 * vector: what a reduction of a file-backed frame needs. PLAIN pages are summarised where they lie
 * (the non-null values of a page are contiguous, so nulls only lower the count); dictionary ids,
 * FLOAT, INT32 and other encodings are first written as 8-byte values into a page-sized scratch
 * array. Each page gives a partial (two passes over the page while it is in cache: sums, then
 * squared deviations from the page mean), merged into the chunk's with Chan's formula.
 *
 * <p>Same answers as {@link ColumnStats#of} on the decoded column: float columns skip NaN and
 * nulls, integral ones keep exact long sums, minima and maxima. Float sums use four interleaved
 * accumulators (so the sum is not one serial chain of additions), which changes the rounding, not
 * the accuracy (eight for a sum alone). Handles DOUBLE, FLOAT, INT32 and INT64 without a logical type annotation other
 * than plain integers ({@link #supports}); anything else goes through the vector path.
 */
final class StatsDecoder extends ChunkDecoder {
  private static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Physical sources handled, with their 8-byte form (FLOAT widened to double, INT32 to long). */
  enum Source { DOUBLE, FLOAT, LONG, INT }

  private final Source source;
  private final boolean floating;
  private long[] dict = new long[0];
  private byte[] values = new byte[0];
  private ColumnStats acc;
  /** Only count and sum of floating values are wanted (see {@link #sums}). */
  private boolean sumsOnly;

  private StatsDecoder(ColumnDescriptor column, Source source) {
    super(null, column);
    this.source = source;
    this.floating = source == Source.DOUBLE || source == Source.FLOAT;
    this.acc = ColumnStats.empty(!floating);
  }

  /** Whether the column's statistics can be streamed by this decoder. */
  static boolean supports(ColumnDescriptor column) {
    return source(column) != null;
  }

  /** A decoder for the column; {@link #supports} must hold. */
  static StatsDecoder create(ColumnDescriptor column) {
    return create(column, false);
  }

  /** As {@link #create(ColumnDescriptor)}; {@code sumsOnly}: only count and sum of floating values. */
  static StatsDecoder create(ColumnDescriptor column, boolean sumsOnly) {
    Source s = source(column);
    if (s == null) {
      throw new IllegalArgumentException("no streamed statistics for " + column);
    }
    StatsDecoder d = new StatsDecoder(column, s);
    d.sumsOnly = sumsOnly;
    return d;
  }

  static Source source(ColumnDescriptor column) {
    PrimitiveType t = column.getPrimitiveType();
    if (column.getMaxRepetitionLevel() != 0) {
      return null;
    }
    LogicalTypeAnnotation ann = t.getLogicalTypeAnnotation();
    switch (t.getPrimitiveTypeName()) {
      case DOUBLE:
        return Source.DOUBLE;
      case FLOAT:
        return Source.FLOAT;
      case INT64:
      case INT32: {
        if (ann != null && !(ann instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned()
            && i.getBitWidth() == (t.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64 ? 64 : 32))) {
          return null; // timestamps, dates, unsigned, narrow ints: the vector path knows their mapping
        }
        try {
          ParquetTypes.columnType(t);
        } catch (IllegalArgumentException e) {
          return null;
        }
        return t.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64 ? Source.LONG : Source.INT;
      }
      default:
        return null;
    }
  }

  /** The statistics of every chunk read so far. */
  ColumnStats stats() {
    return acc;
  }

  @Override
  void allValid(long row, int n) {}

  @Override
  void validAt(long row, int n, int[] pos, int k) {}

  private long raw(byte[] a, int p) {
    return raw(source, a, p);
  }

  /** The 8-byte form of the value at {@code a[p]}. */
  static long raw(Source source, byte[] a, int p) {
    switch (source) {
      case DOUBLE:
      case LONG:
        return PageBytes.getLong(a, p);
      case FLOAT:
        return Double.doubleToRawLongBits(PageBytes.getFloat(a, p));
      default:
        return PageBytes.getInt(a, p);
    }
  }

  private int width() {
    return width(source);
  }

  /** Bytes per PLAIN value. */
  static int width(Source source) {
    return source == Source.DOUBLE || source == Source.LONG ? 8 : 4;
  }

  /** The 8-byte form of the next value of a Parquet-MR reader. */
  static long read(Source source, ValuesReader r) {
    switch (source) {
      case DOUBLE:
        return Double.doubleToRawLongBits(r.readDouble());
      case FLOAT:
        return Double.doubleToRawLongBits(r.readFloat());
      case LONG:
        return r.readLong();
      default:
        return r.readInteger();
    }
  }

  private byte[] values(int count) {
    if (values.length < count * 8) {
      values = new byte[Math.max(count * 8, 8192)];
    }
    return values;
  }

  @Override
  void loadDictionary(byte[] a, int off, int end, int size) {
    int w = width();
    PageBytes.need(off, end, (long) size * w);
    long[] d = new long[size];
    for (int i = 0; i < size; i++) {
      d[i] = raw(a, off + i * w);
    }
    dict = d;
  }

  @Override
  void plain(byte[] a, int off, int end, long row, int[] positions, int count) {
    int w = width();
    PageBytes.need(off, end, (long) count * w);
    if (w == 8) {
      add(a, off, count);
      return;
    }
    byte[] v = values(count);
    for (int k = 0; k < count; k++) {
      LONG_LE.set(v, k * 8, raw(a, off + k * 4));
    }
    add(v, 0, count);
  }

  /** Bytes of a block of values copied from the file: well inside a core's first-level cache. */
  static final int BLOCK = 8 * 1024;

  /** A sum of doubles reads pages block by block from the file; other statistics need the whole page. */
  @Override
  boolean readsPlainBlocks() {
    return sumsOnly && source == Source.DOUBLE;
  }

  /**
   * Count and sum of the page's doubles, copied from the file a block at a time into a buffer that
   * stays in the first-level cache, each block added while it is there (the page is never copied
   * whole). Blocks hold a multiple of eight values, so each value meets the same accumulator as in
   * {@link #sums}: the same sum to the bit.
   */
  @Override
  void plainBlocks(PageRuns runs, int off, int end, long row, int[] positions, int count) {
    PageBytes.need(off, end, (long) count * 8);
    byte[] block = values(BLOCK / 8);
    double[] lanes = new double[8];
    int done = 0;
    while (done < count) {
      int n = Math.min(BLOCK / 8, count - done);
      runs.copy(off + done * 8, block, 0, n * 8);
      accumulate(block, 0, n, lanes);
      done += n;
    }
    double sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    if (sum != sum) {
      byte[] all = values(count); // a NaN among them (or inf - inf): the careful loop, over the whole page
      runs.copy(off, all, 0, count * 8);
      acc = acc.merge(doublesSkippingNaN(all, 0, count));
      return;
    }
    acc = acc.merge(ColumnStats.ofDoubles(count, sum, Double.NaN, Double.NaN, Double.NaN));
  }

  @Override
  void dictionary(int[] ids, long row, int[] positions, int count) {
    byte[] v = values(count);
    long[] d = dict;
    for (int k = 0; k < count; k++) {
      int id = ids[k];
      if (id < 0 || id >= d.length) {
        throw new org.apache.parquet.io.ParquetDecodingException("dictionary id " + id + " out of range " + d.length);
      }
      LONG_LE.set(v, k * 8, d[id]);
    }
    add(v, 0, count);
  }

  @Override
  void fallback(ValuesReader r, long row, int[] positions, int count) {
    byte[] v = values(count);
    for (int k = 0; k < count; k++) {
      LONG_LE.set(v, k * 8, read(source, r));
    }
    add(v, 0, count);
  }

  /** Merges the partial of {@code n} 8-byte values at {@code a[off]} (doubles or longs). */
  private void add(byte[] a, int off, int n) {
    if (n == 0) {
      return;
    }
    acc = acc.merge(!floating ? longs(a, off, n) : sumsOnly ? sums(a, off, n) : doubles(a, off, n));
  }

  /**
   * Count and sum of n little-endian doubles, skipping NaN; minimum, maximum and second moment are
   * left NaN (a sum, mean or count does not read them): one load and one add per value.
   */
  static ColumnStats sums(byte[] a, int off, int n) {
    double[] acc = new double[8];
    accumulate(a, off, n, acc);
    double sum = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    if (sum != sum) {
      return doublesSkippingNaN(a, off, n); // a NaN among the values (or inf - inf): the careful loop
    }
    return ColumnStats.ofDoubles(n, sum, Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * Adds n little-endian doubles to eight running sums, value k to {@code acc[k % 8]} for the first
   * {@code n - n % 8} values and the rest to {@code acc[0]}: so values fed in pieces of multiples of
   * eight meet the same sums as fed at once.
   */
  static void accumulate(byte[] a, int off, int n, double[] acc) {
    // Eight chains: an add's latency is four cycles and a core starts two a cycle, so four chains
    // left half of the adder idle (a fifth less time per page measured than with four).
    double s0 = acc[0];
    double s1 = acc[1];
    double s2 = acc[2];
    double s3 = acc[3];
    double s4 = acc[4];
    double s5 = acc[5];
    double s6 = acc[6];
    double s7 = acc[7];
    int k = 0;
    for (; k + 8 <= n; k += 8) {
      int p = off + k * 8;
      s0 += (double) DOUBLE_LE.get(a, p);
      s1 += (double) DOUBLE_LE.get(a, p + 8);
      s2 += (double) DOUBLE_LE.get(a, p + 16);
      s3 += (double) DOUBLE_LE.get(a, p + 24);
      s4 += (double) DOUBLE_LE.get(a, p + 32);
      s5 += (double) DOUBLE_LE.get(a, p + 40);
      s6 += (double) DOUBLE_LE.get(a, p + 48);
      s7 += (double) DOUBLE_LE.get(a, p + 56);
    }
    for (; k < n; k++) {
      s0 += (double) DOUBLE_LE.get(a, off + k * 8);
    }
    acc[0] = s0;
    acc[1] = s1;
    acc[2] = s2;
    acc[3] = s3;
    acc[4] = s4;
    acc[5] = s5;
    acc[6] = s6;
    acc[7] = s7;
  }

  /** Partial of n little-endian doubles, skipping NaN. */
  static ColumnStats doubles(byte[] a, int off, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double mn = Double.POSITIVE_INFINITY;
    double mx = Double.NEGATIVE_INFINITY;
    int k = 0;
    for (; k + 4 <= n; k += 4) {
      int p = off + k * 8;
      double x0 = (double) DOUBLE_LE.get(a, p);
      double x1 = (double) DOUBLE_LE.get(a, p + 8);
      double x2 = (double) DOUBLE_LE.get(a, p + 16);
      double x3 = (double) DOUBLE_LE.get(a, p + 24);
      s0 += x0;
      s1 += x1;
      s2 += x2;
      s3 += x3;
      // Comparisons, not Math.min: cheaper, and a NaN (caught below) never replaces a bound.
      mn = x0 < mn ? x0 : mn;
      mn = x1 < mn ? x1 : mn;
      mn = x2 < mn ? x2 : mn;
      mn = x3 < mn ? x3 : mn;
      mx = x0 > mx ? x0 : mx;
      mx = x1 > mx ? x1 : mx;
      mx = x2 > mx ? x2 : mx;
      mx = x3 > mx ? x3 : mx;
    }
    for (; k < n; k++) {
      double x = (double) DOUBLE_LE.get(a, off + k * 8);
      s0 += x;
      mn = x < mn ? x : mn;
      mx = x > mx ? x : mx;
    }
    double sum = (s0 + s1) + (s2 + s3);
    if (sum != sum) {
      return doublesSkippingNaN(a, off, n); // a NaN among the values (or inf - inf): the careful loop
    }
    double mean = sum / n;
    double m0 = 0;
    double m1 = 0;
    double m2 = 0;
    double m3 = 0;
    k = 0;
    for (; k + 4 <= n; k += 4) {
      int p = off + k * 8;
      double d0 = (double) DOUBLE_LE.get(a, p) - mean;
      double d1 = (double) DOUBLE_LE.get(a, p + 8) - mean;
      double d2 = (double) DOUBLE_LE.get(a, p + 16) - mean;
      double d3 = (double) DOUBLE_LE.get(a, p + 24) - mean;
      m0 += d0 * d0;
      m1 += d1 * d1;
      m2 += d2 * d2;
      m3 += d3 * d3;
    }
    for (; k < n; k++) {
      double d = (double) DOUBLE_LE.get(a, off + k * 8) - mean;
      m0 += d * d;
    }
    return ColumnStats.ofDoubles(n, sum, (m0 + m1) + (m2 + m3), mn, mx);
  }

  private static ColumnStats doublesSkippingNaN(byte[] a, int off, int n) {
    long c = 0;
    double sum = 0;
    double mn = Double.POSITIVE_INFINITY;
    double mx = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      double x = (double) DOUBLE_LE.get(a, off + k * 8);
      if (x != x) {
        continue;
      }
      c++;
      sum += x;
      if (x < mn) {
        mn = x;
      }
      if (x > mx) {
        mx = x;
      }
    }
    if (c == 0) {
      return ColumnStats.empty(false);
    }
    double mean = sum / c;
    double m2 = 0;
    for (int k = 0; k < n; k++) {
      double x = (double) DOUBLE_LE.get(a, off + k * 8);
      if (x != x) {
        continue;
      }
      double d = x - mean;
      m2 += d * d;
    }
    return ColumnStats.ofDoubles(c, sum, m2, mn, mx);
  }

  /** Partial of n little-endian longs. */
  static ColumnStats longs(byte[] a, int off, int n) {
    long ls = 0;
    long hs = 0;
    long mn = Long.MAX_VALUE;
    long mx = Long.MIN_VALUE;
    for (int k = 0; k < n; k++) {
      long x = (long) LONG_LE.get(a, off + k * 8);
      hs = ColumnStats.addHigh(hs, ls, x);
      ls += x;
      mn = Math.min(mn, x);
      mx = Math.max(mx, x);
    }
    double mean = ColumnStats.exactMean(hs, ls, n); // not the long sum, which wraps (see ColumnStats)
    double m2 = 0;
    for (int k = 0; k < n; k++) {
      double d = (long) LONG_LE.get(a, off + k * 8) - mean;
      m2 += d * d;
    }
    return ColumnStats.ofLongs(n, ls, hs, m2, mn, mx);
  }
}
