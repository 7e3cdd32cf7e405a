package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import dev.parjit.frame.Series;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Mergeable partial of a column's reductions, so that each rank can summarise its chunk and the
 * partials can be combined in any grouping: count, sum, min, max, and mean/M2 merged with Chan et
 * al.'s parallel variance formula. The finishers ({@link #sum()}, {@link #mean()}, {@link #var()}, ...)
 * are exactly what {@link Series} reductions return (the sequential methods are implemented with
 * this class), up to floating-point summation order.
 *
 * <p>Missing values (nulls, and NaN in float columns) are skipped, as pandas does. For integral
 * columns (int64, int32, bool, and timestamps) sum, min and max are also kept exactly as longs, and
 * the sum once more exactly in 128 bits ({@code sumHigh} above {@code longSum}): the sum a reduction
 * returns wraps as numpy's, but the mean (and the mean M2 is taken around) comes from the 128-bit
 * sum, so it neither wraps (a partial's wrapped sum depends on which rows a rank holds, so a mean or
 * variance taken from it changed with the number of ranks) nor depends on the order of summation.
 *
 * <p>Transport: {@link #toDoubles()} gives {@link #WIDTH} doubles (long fields travel as raw
 * bits), so partials can be allgathered as a {@code double[]} and merged with {@link #merge} on
 * the receiving side. Do not combine the arrays elementwise with an MPI SUM.
 */
public final class ColumnStats {
  /** Length of {@link #toDoubles()}. */
  public static final int WIDTH = 11;
  private static final double FORMAT = 1;

  private final boolean integral;
  private final long count;
  private final double sum;
  private final double m2;
  private final double min;
  private final double max;
  private final long longSum;
  /** The high 64 bits of the exact 128-bit sum of an integral column ({@link #longSum} is the low). */
  private final long sumHigh;
  private final long longMin;
  private final long longMax;

  private ColumnStats(boolean integral, long count, double sum, double m2, double min, double max,
      long longSum, long sumHigh, long longMin, long longMax) {
    this.integral = integral;
    this.count = count;
    this.sum = sum;
    this.m2 = m2;
    this.min = min;
    this.max = max;
    this.longSum = longSum;
    this.sumHigh = sumHigh;
    this.longMin = longMin;
    this.longMax = longMax;
  }

  /** The neutral partial (no values) for a column of this kind. */
  public static ColumnStats empty(boolean integral) {
    return new ColumnStats(integral, 0, 0, 0, Double.NaN, Double.NaN, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE);
  }

  /**
   * The partial of {@code count} float values (none missing) with the given sum, sum of squared
   * deviations from their mean, minimum and maximum: for readers that summarise data as it streams.
   */
  public static ColumnStats ofDoubles(long count, double sum, double m2, double min, double max) {
    return count == 0 ? empty(false) : new ColumnStats(false, count, sum, m2, min, max, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE);
  }

  /**
   * As {@link #ofDoubles}, for {@code count} integral values whose exact sum is the 128-bit
   * {@code sumHigh}:{@code longSum} (see {@link #addHigh}), with their minimum and maximum; {@code m2}
   * around their mean {@link #exactMean}.
   */
  public static ColumnStats ofLongs(long count, long longSum, long sumHigh, double m2, long min, long max) {
    return count == 0 ? empty(true)
        : new ColumnStats(true, count, exactSum(sumHigh, longSum), m2, min, max, longSum, sumHigh, min, max);
  }

  /**
   * The high word of {@code high}:{@code low} + {@code x} (x sign-extended), where the low word
   * becomes {@code low + x}: how a 128-bit sum of longs is kept in two.
   */
  public static long addHigh(long high, long low, long x) {
    return high + (x >> 63) + (Long.compareUnsigned(low + x, low) < 0 ? 1 : 0);
  }

  /** {@code high}:{@code low} as a double (rounded once, so the same bits give the same value). */
  static double exactSum(long high, long low) {
    if (high == (low >> 63)) return low; // fits in a long
    return new java.math.BigDecimal(toBig(high, low)).doubleValue();
  }

  /** The mean of {@code count} values summing to {@code high}:{@code low}, rounded once. */
  public static double exactMean(long high, long low, long count) {
    if (high == (low >> 63) && Math.abs(low) < (1L << 53)) return (double) low / count; // exact operands
    return new java.math.BigDecimal(toBig(high, low))
        .divide(java.math.BigDecimal.valueOf(count), java.math.MathContext.DECIMAL128).doubleValue();
  }

  private static java.math.BigInteger toBig(long high, long low) {
    return java.math.BigInteger.valueOf(high).shiftLeft(64).add(new java.math.BigInteger(Long.toUnsignedString(low)));
  }

  /** Summarises one series (strings contribute their non-null count only). */
  public static ColumnStats of(Series s) {
    try {
      return of(s.arrowVector());
    } finally {
      java.lang.ref.Reference.reachabilityFence(s);
    }
  }

  /** Summarises one Arrow vector of a supported dtype (strings contribute their non-null count only). */
  public static ColumnStats of(FieldVector v) {
    DType t = DType.of(v);
    int n = v.getValueCount();
    boolean[] valid = Vectors.validity(v);
    if (t == DType.STRING) {
      long c = valid == null ? n : n - v.getNullCount();
      return new ColumnStats(false, c, 0, 0, Double.NaN, Double.NaN, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE);
    }
    if (t == DType.FLOAT64) {
      ArrowBuf data = v.getDataBuffer();
      long c = 0;
      double sum = 0;
      double mn = Double.POSITIVE_INFINITY;
      double mx = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double x = data.getDouble(i * 8L);
        if (x != x || (valid != null && !valid[i])) continue;
        c++;
        sum += x;
        if (x < mn) mn = x;
        if (x > mx) mx = x;
      }
      if (c == 0) return empty(false);
      // Two-pass M2: more accurate than Welford and no division per row.
      double mean = sum / c;
      double m2 = 0;
      for (int i = 0; i < n; i++) {
        double x = data.getDouble(i * 8L);
        if (x != x || (valid != null && !valid[i])) continue;
        double d = x - mean;
        m2 += d * d;
      }
      return new ColumnStats(false, c, sum, m2, mn, mx, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE);
    }
    long[] x = Vectors.longs(v);
    long c = 0;
    long ls = 0;
    long hs = 0;
    long mn = Long.MAX_VALUE;
    long mx = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (valid != null && !valid[i]) continue;
      c++;
      hs = addHigh(hs, ls, x[i]);
      ls += x[i];
      if (x[i] < mn) mn = x[i];
      if (x[i] > mx) mx = x[i];
    }
    if (c == 0) return empty(true);
    double mean = exactMean(hs, ls, c);
    double m2 = 0;
    for (int i = 0; i < n; i++) {
      if (valid != null && !valid[i]) continue;
      double d = x[i] - mean;
      m2 += d * d;
    }
    return ofLongs(c, ls, hs, m2, mn, mx);
  }

  /** Combines two partials (of disjoint pieces of one column) into the partial of their union. */
  public ColumnStats merge(ColumnStats o) {
    if (o.count == 0) return count == 0 && o.integral != integral ? empty(integral && o.integral) : this;
    if (count == 0) return o;
    long n = count + o.count;
    double delta = o.mean() - mean();
    double m2n = m2 + o.m2 + delta * delta * ((double) count * o.count / n);
    if (integral && o.integral) {
      long high = sumHigh + o.sumHigh + (Long.compareUnsigned(longSum + o.longSum, longSum) < 0 ? 1 : 0);
      return new ColumnStats(true, n, exactSum(high, longSum + o.longSum), m2n, Math.min(min, o.min),
          Math.max(max, o.max), longSum + o.longSum, high, Math.min(longMin, o.longMin), Math.max(longMax, o.longMax));
    }
    // The earlier piece's extreme wins a tie, as the sequential scan keeps the first of equal values:
    // Math.min/max would tell -0.0 from 0.0, and print "0.0" where the sequential run prints "-0.0".
    return new ColumnStats(false, n, sum + o.sum, m2n, o.min < min ? o.min : min, o.max > max ? o.max : max,
        0, 0, Long.MAX_VALUE, Long.MIN_VALUE);
  }

  /** Wire form: {@link #WIDTH} doubles. */
  public double[] toDoubles() {
    return new double[] {FORMAT, integral ? 1 : 0, count, sum, m2, min, max,
        Double.longBitsToDouble(longSum), Double.longBitsToDouble(longMin), Double.longBitsToDouble(longMax),
        Double.longBitsToDouble(sumHigh)};
  }

  /** Reads {@link #toDoubles()}' form back. */
  public static ColumnStats fromDoubles(double[] d) {
    if (d.length != WIDTH || d[0] != FORMAT) {
      throw new IllegalArgumentException("not a ColumnStats wire form: expected " + WIDTH + " doubles starting with " + FORMAT + ", got " + d.length);
    }
    return new ColumnStats(d[1] != 0, (long) d[2], d[3], d[4], d[5], d[6],
        Double.doubleToRawLongBits(d[7]), Double.doubleToRawLongBits(d[10]), Double.doubleToRawLongBits(d[8]),
        Double.doubleToRawLongBits(d[9]));
  }

  /** Reads the partial at {@code offset} of an allgathered array of several partials. */
  public static ColumnStats fromDoubles(double[] d, int offset) {
    return fromDoubles(java.util.Arrays.copyOfRange(d, offset, offset + WIDTH));
  }

  /** True for int64, int32, bool and timestamp columns. */
  public boolean integral() {
    return integral;
  }

  /** Non-missing values. */
  public long count() {
    return count;
  }

  /** Sum of values; 0 when there are none (pandas {@code min_count=0}). */
  public double sum() {
    return integral ? (double) longSum : sum;
  }

  /** Exact sum of an integral column (wraps on overflow, as numpy). */
  public long longSum() {
    return longSum;
  }

  /** Mean (of an integral column: its exact sum divided, rounded once); NaN when there are no values. */
  public double mean() {
    return count == 0 ? Double.NaN : integral ? exactMean(sumHigh, longSum, count) : sum / count;
  }

  /** Minimum; NaN when there are no values. */
  public double min() {
    return count == 0 ? Double.NaN : integral ? (double) longMin : min;
  }

  /** Maximum; NaN when there are no values. */
  public double max() {
    return count == 0 ? Double.NaN : integral ? (double) longMax : max;
  }

  /** Exact minimum of an integral column (only meaningful when {@code count() > 0}). */
  public long longMin() {
    return longMin;
  }

  /** Exact maximum of an integral column (only meaningful when {@code count() > 0}). */
  public long longMax() {
    return longMax;
  }

  /** Sum of squared deviations from the mean. */
  public double m2() {
    return m2;
  }

  /** Sample variance (ddof = 1, as pandas); NaN for fewer than two values. */
  public double var() {
    return var(1);
  }

  /** Variance with {@code ddof} delta degrees of freedom; NaN when {@code count <= ddof}. */
  public double var(int ddof) {
    return count <= ddof ? Double.NaN : m2 / (count - ddof);
  }

  /** Sample standard deviation (ddof = 1). */
  public double std() {
    return Math.sqrt(var());
  }

  @Override
  public String toString() {
    return "ColumnStats[count=" + count + ", sum=" + sum() + ", mean=" + mean() + ", min=" + min() + ", max=" + max() + ", var=" + var() + "]";
  }
}
