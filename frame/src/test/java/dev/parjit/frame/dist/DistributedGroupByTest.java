package dev.parjit.frame.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.runtime.BlockDistribution;
import dev.parjit.runtime.SimulatedRanks;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both ways a distributed group-by's partials meet (gathered on every rank when they are small,
 * shuffled by key range otherwise) on simulated ranks, against the sequential group-by of the whole
 * frame: same columns, dtypes, order, nulls and values; the counters show which way ran, and a
 * gathered result sits on the ranks as 1D_Block.
 */
class DistributedGroupByTest {

  @AfterEach
  void clearThreshold() {
    System.clearProperty(DistributedGroupBy.GATHER_PROPERTY);
  }

  /** {@code n} rows keyed by a string with nulls, a float with NaN, and a long spread far beyond any dense range. */
  static DataFrame table(int n) {
    String[] s = new String[n];
    double[] f = new double[n];
    long[] sparse = new long[n];
    long[] k = new long[n];
    double[] x = new double[n];
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = i % 7 == 3 ? null : "s" + (i * 5 % 11);
      f[i] = i % 9 == 4 ? Double.NaN : (i * 3 % 7) / 2.0;
      sparse[i] = (i * 13L % 17) * 1_000_000_000_007L - 3;
      k[i] = i * 7L % 5;
      x[i] = i % 10 == 9 ? Double.NaN : (i * 37L % 101) / 8.0;
      v[i] = i * 31L % 23 - 11;
    }
    return DataFrame.builder().add("s", s).add("f", f).add("sparse", sparse).add("k", k).add("x", x).add("v", v).build();
  }

  private record Outcome(DataFrame whole, long localRows, long globalRows, long start, Map<String, Long> counted,
      int chunkRows) { }

  private static List<Outcome> onRanks(DataFrame df, int p, String[] keys, Agg[] aggs) throws Exception {
    return SimulatedRanks.run(p, r -> {
      Map<String, Long> before = FrameCounters.snapshot();
      DataFrame chunk = DistributedJoinTest.chunk(df, r, p);
      DataFrame local = DistributedFrames.agg(DistributedFrames.groupBy(chunk, keys), aggs);
      long globalRows = Placements.globalRows(local);
      long start = Placements.start(local);
      DataFrame whole = (DataFrame) DistributedFrames.replicate(local);
      Map<String, Long> after = FrameCounters.snapshot();
      after.replaceAll((name, value) -> value - before.getOrDefault(name, 0L));
      return new Outcome(whole, local.numRows(), globalRows, start, after, chunk.numRows());
    });
  }

  /** Every cell as text: exact for keys, counts and integer sums; floating values to 12 significant digits. */
  private static String cell(Series c, int i) {
    if (c.isNull(i)) {
      return "null";
    }
    if (c.dtype() == DType.STRING) {
      return c.getString(i);
    }
    if (c.dtype() == DType.FLOAT64) {
      double d = c.getDouble(i);
      return Double.isNaN(d) ? "NaN" : String.format("%.12g", d);
    }
    return Long.toString(c.getLong(i));
  }

  private static void assertSameFrame(DataFrame expected, DataFrame actual, String where) {
    assertEquals(expected.columns(), actual.columns(), where);
    assertEquals(expected.numRows(), actual.numRows(), where);
    for (String name : expected.columns()) {
      Series e = expected.column(name);
      Series a = actual.column(name);
      assertEquals(e.dtype(), a.dtype(), where + " " + name);
      for (int i = 0; i < expected.numRows(); i++) {
        assertEquals(cell(e, i), cell(a, i), where + " column " + name + " row " + i);
      }
    }
  }

  private static final IntFunction<String[][]> KEY_SETS = ignored -> new String[][] {
      {"k"}, {"s"}, {"f"}, {"sparse"}, {"s", "k"}, {"k", "f", "sparse"}};

  private static final Agg[] AGGS = {Agg.sum("x").as("sx"), Agg.sum("v").as("sv"), Agg.mean("x").as("mx"),
      Agg.min("v").as("nv"), Agg.max("x").as("xx"), Agg.count("x").as("cx"), Agg.std("x").as("dx")};

  private void check(int p, boolean gathered) throws Exception {
    for (int n : new int[] {0, 2, 3, 500}) {
      DataFrame df = table(n);
      for (String[] keys : KEY_SETS.apply(0)) {
        String where = p + " ranks, " + n + " rows, keys " + String.join(",", keys) + (gathered ? ", gathered" : ", shuffled");
        DataFrame expected = df.groupBy(keys).agg(AGGS);
        List<Outcome> out = onRanks(df, p, keys, AGGS);
        long shuffledPartials = 0;
        for (int r = 0; r < p; r++) {
          Outcome o = out.get(r);
          assertSameFrame(expected, o.whole(), where + ", rank " + r);
          assertEquals(o.chunkRows(), o.counted().getOrDefault(FrameCounters.GROUPED_ROWS, 0L), where);
          long gatheredRows = o.counted().getOrDefault(FrameCounters.GROUP_PARTIALS_GATHERED, 0L);
          long shuffledRows = o.counted().getOrDefault(FrameCounters.GROUP_PARTIALS_SHUFFLED, 0L);
          assertEquals(0, gathered ? shuffledRows : gatheredRows, where + ", rank " + r + ": the other path ran");
          assertEquals(o.chunkRows() > 0, (gathered ? gatheredRows : shuffledRows) > 0, where + ", rank " + r);
          shuffledPartials += shuffledRows;
          assertEquals(expected.numRows(), o.globalRows(), where);
          if (gathered) { // the whole result on every rank, each keeping its 1D_Block
            assertEquals(BlockDistribution.start(expected.numRows(), p, r), o.start(), where + ", rank " + r);
            assertEquals(BlockDistribution.count(expected.numRows(), p, r), o.localRows(), where + ", rank " + r);
          }
        }
        assertEquals(gathered || n == 0 ? 0 : 1, Math.min(1, shuffledPartials), where);
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void smallPartialsAreGatheredAndCombinedOnEveryRank(int p) throws Exception {
    check(p, true);
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void partialsOverTheThresholdAreShuffledByKeyRange(int p) throws Exception {
    System.setProperty(DistributedGroupBy.GATHER_PROPERTY, "-1");
    check(p, false);
  }

  @Test
  void aThresholdJustBelowThePartialsSizeShuffles() throws Exception {
    DataFrame df = table(500);
    System.setProperty(DistributedGroupBy.GATHER_PROPERTY, "100");
    List<Outcome> out = onRanks(df, 2, new String[] {"k"}, AGGS);
    for (Outcome o : out) {
      assertTrue(o.counted().getOrDefault(FrameCounters.GROUP_PARTIALS_SHUFFLED, 0L) > 0, o.counted().toString());
      assertSameFrame(df.groupBy("k").agg(AGGS), o.whole(), "threshold 100 bytes");
    }
  }

  @Test
  void aThresholdThatIsNotANumberIsNamed() {
    System.setProperty(DistributedGroupBy.GATHER_PROPERTY, "lots");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, DistributedGroupBy::gatherBytes);
    assertTrue(e.getMessage().contains(DistributedGroupBy.GATHER_PROPERTY), e.getMessage());
  }
}
