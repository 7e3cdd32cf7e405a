package dev.parjit.frame.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.internal.FrameInternals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnStatsTest {
  static final int[][] SPLITS = {{0}, {0, 0}, {0, 500}, {1, 1, 999}, {250, 500, 750}, {333, 333, 1000}, {999}};

  static DataFrame data() {
    Random r = new Random(42);
    int n = 1000;
    double[] x = new double[n];
    long[] k = new long[n];
    int[] i32 = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 17 == 0 ? Double.NaN : r.nextGaussian() * 1e3 + 5;
      k[i] = r.nextInt(1_000_000) - 500_000;
      i32[i] = r.nextInt(100);
    }
    return DataFrame.builder().add("x", x).add("k", k).add("i", i32).add("s", new String[n]).build();
  }

  /** Pieces of {@code df} cut at the given row positions (empty pieces included). */
  static List<DataFrame> pieces(DataFrame df, int[] cuts) {
    List<DataFrame> out = new ArrayList<>();
    int start = 0;
    for (int c : cuts) {
      int end = Math.max(start, Math.min(c, df.numRows()));
      out.add(df.slice(start, end - start));
      start = end;
    }
    out.add(df.slice(start, df.numRows() - start));
    return out;
  }

  @Test
  void mergedPartialsEqualSequential() {
    DataFrame df = data();
    for (int[] cuts : SPLITS) {
      for (String c : List.of("x", "k", "i", "s")) {
        Series whole = df.column(c);
        ColumnStats merged = null;
        for (DataFrame p : pieces(df, cuts)) {
          // travel through the wire form, as through an allgather
          ColumnStats s = ColumnStats.fromDoubles(FrameInternals.stats(p.column(c)).toDoubles());
          merged = merged == null ? s : merged.merge(s);
        }
        assertEquals(whole.count(), merged.count());
        if (whole.dtype() == DType.STRING) continue;
        assertEquals(whole.sum(), merged.sum(), 1e-9 * Math.abs(whole.sum()) + 1e-9);
        assertEquals(whole.mean(), merged.mean(), 1e-12 * Math.abs(whole.mean()) + 1e-12);
        assertEquals(whole.min(), merged.min());
        assertEquals(whole.max(), merged.max());
        assertEquals(whole.var(), merged.var(), 1e-9 * whole.var());
        assertEquals(whole.std(), merged.std(), 1e-9 * whole.std());
      }
    }
  }

  @Test
  void finishReductionFromMergedStatsEqualsFrameReduction() {
    DataFrame df = data();
    for (Agg.Kind kind : Agg.Kind.values()) {
      Map<String, ColumnStats> merged = null;
      for (DataFrame p : pieces(df, new int[] {100, 100, 600})) {
        Map<String, ColumnStats> m = FrameInternals.columnStats(p, kind);
        if (merged == null) merged = m;
        else for (String c : m.keySet()) merged.put(c, merged.get(c).merge(m.get(c)));
      }
      List<String> names = new ArrayList<>(merged.keySet());
      List<DType> types = new ArrayList<>();
      for (String c : names) types.add(df.dtype(c));
      Series dist = FrameInternals.finishReduction(kind, names, types, new ArrayList<>(merged.values()));
      Series seq = df.reduce(kind);
      assertEquals(seq.labels(), dist.labels());
      assertEquals(seq.dtype(), dist.dtype());
      for (int i = 0; i < seq.size(); i++) {
        assertEquals(seq.getDouble(i), dist.getDouble(i), 1e-9 * Math.abs(seq.getDouble(i)) + 1e-9, kind + " " + seq.label(i));
      }
    }
  }

  @Test
  void exactLongsSurviveTheWireForm() {
    Series s = Series.of("big", new long[] {Long.MAX_VALUE - 1, 1});
    ColumnStats back = ColumnStats.fromDoubles(FrameInternals.stats(s).toDoubles());
    assertEquals(Long.MAX_VALUE, back.longSum());
    assertEquals(Long.MAX_VALUE - 1, back.longMax());
    assertEquals(2, back.count());
  }

  /**
   * Longs whose sum wraps: the pieces' wrapped sums differ from the whole's, so a mean or M2 taken
   * from the long sum changed with the cuts (a different std on every rank count). The mean comes from
   * the exact sum (the same bits for any cuts), the variance around it; the sum still wraps as numpy's.
   */
  @Test
  void meanAndVarianceOfWrappingLongsDoNotDependOnTheCuts() {
    long[] v = {Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
    Series whole = Series.of("z", v);
    double mean = (3.0 * Long.MIN_VALUE + 2.0 * Long.MAX_VALUE) / 5;
    assertEquals(mean, whole.mean(), 1e-12 * Math.abs(mean));
    double m2 = 0;
    for (long x : v) m2 += ((double) x - mean) * ((double) x - mean);
    assertEquals(m2 / 4, whole.var(), 1e-12 * m2);
    assertEquals(Long.MIN_VALUE + Long.MAX_VALUE + Long.MIN_VALUE + Long.MAX_VALUE + Long.MIN_VALUE, FrameInternals.stats(whole).longSum());
    DataFrame df = DataFrame.of("z", v);
    for (int[] cuts : new int[][] {{1}, {2}, {1, 3}, {2, 4}, {0, 5}}) {
      ColumnStats merged = null;
      for (DataFrame p : pieces(df, cuts)) {
        ColumnStats s = ColumnStats.fromDoubles(FrameInternals.stats(p.column("z")).toDoubles());
        merged = merged == null ? s : merged.merge(s);
      }
      assertEquals(whole.mean(), merged.mean(), java.util.Arrays.toString(cuts)); // exact sums: the same bits
      assertEquals(whole.var(), merged.var(), 1e-9 * whole.var(), java.util.Arrays.toString(cuts));
      assertEquals(FrameInternals.stats(whole).longSum(), merged.longSum());
    }
  }

  /** Signed zeros tie: merged pieces keep the earlier piece's, as the whole column's scan keeps the first. */
  @Test
  void signedZerosKeepTheFirstOfEqualExtremes() {
    for (double[] x : new double[][] {{-0.0, 0.0, -0.0, 0.0}, {0.0, -0.0, 0.0, -0.0}}) {
      ColumnStats whole = ColumnStats.of(Series.of("x", x));
      for (int cut = 1; cut < x.length; cut++) {
        ColumnStats a = ColumnStats.of(Series.of("x", java.util.Arrays.copyOfRange(x, 0, cut)));
        ColumnStats b = ColumnStats.of(Series.of("x", java.util.Arrays.copyOfRange(x, cut, x.length)));
        ColumnStats merged = a.merge(b);
        assertEquals(Double.doubleToRawLongBits(whole.min()), Double.doubleToRawLongBits(merged.min()), "min, cut " + cut);
        assertEquals(Double.doubleToRawLongBits(whole.max()), Double.doubleToRawLongBits(merged.max()), "max, cut " + cut);
      }
    }
  }
}
