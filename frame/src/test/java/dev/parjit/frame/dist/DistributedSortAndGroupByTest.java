package dev.parjit.frame.dist;

import dev.parjit.runtime.SimulatedRanks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DataFrame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Distributed sort and multi-key group-by on simulated ranks against the sequential result of the
 * whole frame, with every rank's counters showing it handled exactly its own rows.
 */
class DistributedSortAndGroupByTest {

  /** {@code n} rows: three small-range keys with repeats, two values. */
  static DataFrame table(int n) {
    long[] a = new long[n];
    long[] b = new long[n];
    long[] c = new long[n];
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i * 7L % 5;
      b[i] = i * 11L % 3;
      c[i] = i * 13L % 4;
      x[i] = (i * 37L % 101) / 8.0;
      y[i] = (i * 53L % 89) / 4.0;
    }
    return DataFrame.builder().add("a", a).add("b", b).add("c", c).add("x", x).add("y", y).build();
  }

  private record Outcome(DataFrame whole, Map<String, Long> counted, int localRows) { }

  private static List<Outcome> onRanks(DataFrame df, int p, java.util.function.Function<DataFrame, DataFrame> op)
      throws Exception {
    return SimulatedRanks.run(p, r -> {
      Map<String, Long> before = FrameCounters.snapshot();
      DataFrame chunk = DistributedJoinTest.chunk(df, r, p);
      DataFrame whole = (DataFrame) DistributedFrames.replicate(op.apply(chunk));
      Map<String, Long> after = FrameCounters.snapshot();
      after.replaceAll((name, value) -> value - before.getOrDefault(name, 0L));
      return new Outcome(whole, after, chunk.numRows());
    });
  }

  private static void assertSameFrame(DataFrame expected, DataFrame actual) {
    assertEquals(expected.columns(), actual.columns());
    assertEquals(expected.numRows(), actual.numRows());
    for (String col : expected.columns()) {
      assertArrayEquals(expected.column(col).toDoubleArray(), actual.column(col).toDoubleArray(), 1e-9, col);
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void aSortOnSeveralKeysIsTheSequentialStableOrder(int p) throws Exception {
    for (int n : new int[] {0, 2, 3, 500}) {
      DataFrame df = table(n);
      for (boolean ascending : new boolean[] {true, false}) {
        List<Outcome> out = onRanks(df, p, chunk -> DistributedFrames.sortValues(chunk, ascending, "a", "c"));
        for (Outcome o : out) {
          assertSameFrame(df.sortValues(ascending, "a", "c"), o.whole());
          assertEquals(o.localRows(), o.counted().getOrDefault(FrameCounters.SORTED_ROWS, 0L));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void aGroupByOnThreeKeysWithFourAggregatesIsTheSequentialOne(int p) throws Exception {
    Agg[] aggs = {Agg.sum("x").as("sx"), Agg.mean("y").as("my"), Agg.min("x").as("nx"), Agg.max("y").as("xy")};
    for (int n : new int[] {0, 2, 3, 500}) {
      DataFrame df = table(n);
      List<Outcome> out = onRanks(df, p, chunk -> DistributedFrames.agg(DistributedFrames.groupBy(chunk, "a", "b", "c"),
          aggs));
      for (Outcome o : out) {
        assertSameFrame(df.groupBy("a", "b", "c").agg(aggs), o.whole());
        assertEquals(o.localRows(), o.counted().getOrDefault(FrameCounters.GROUPED_ROWS, 0L));
      }
    }
  }
}
