package dev.parjit.frame.dist;

import dev.parjit.runtime.SimulatedRanks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.JoinType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Distributed joins on simulated ranks against the sequential join of the whole frames: the same
 * rows in the same order, and the counters show which plan ran on every rank.
 */
class DistributedJoinTest {

  /** {@code n} rows: keys with repeats over {@code keys} values, a value, and a name both sides use. */
  static DataFrame side(int n, int keys, int seed) {
    long[] k = new long[n];
    double[] x = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      k[i] = (i * 7L + seed) % keys;
      x[i] = i + seed / 8.0;
      v[i] = seed * 1000 + i;
    }
    return DataFrame.builder().add("k", k).add("x" + seed, x).add("v", v).build();
  }

  /**
   * Rank {@code r}'s uneven chunk of {@code df} (1D_Var: a quadratic split, so ranks differ and some
   * may be empty), registered at its global place.
   */
  static DataFrame chunk(DataFrame df, int r, int p) {
    int n = df.numRows();
    int from = (int) ((long) n * r * r / ((long) p * p));
    int to = (int) ((long) n * (r + 1) * (r + 1) / ((long) p * p));
    return Placements.register(df.slice(from, to - from), n, from);
  }

  private record Outcome(DataFrame whole, Map<String, Long> counted) { }

  private static List<Outcome> join(DataFrame left, DataFrame right, JoinType how, int p, boolean leftDist,
      boolean rightDist) throws Exception {
    return SimulatedRanks.run(p, r -> {
      Map<String, Long> before = FrameCounters.snapshot();
      DataFrame l = leftDist ? chunk(left, r, p) : left;
      DataFrame rt = rightDist ? chunk(right, r, p) : right;
      DataFrame joined = DistributedFrames.merge(l, rt, how, "k");
      DataFrame whole = (DataFrame) DistributedFrames.replicate(joined);
      Map<String, Long> after = FrameCounters.snapshot();
      after.replaceAll((name, value) -> value - before.getOrDefault(name, 0L));
      return new Outcome(whole, after);
    });
  }

  private static void assertSameFrame(DataFrame expected, DataFrame actual) {
    assertEquals(expected.columns(), actual.columns());
    assertEquals(expected.numRows(), actual.numRows());
    for (String c : expected.columns()) {
      assertArrayEquals(expected.column(c).toDoubleArray(), actual.column(c).toDoubleArray(), c);
    }
  }

  private static long counted(Outcome o, String name) {
    return o.counted().getOrDefault(name, 0L);
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void aSmallRightSideIsBroadcastAndTheLeftNeverMoves(int p) throws Exception {
    DataFrame left = side(300, 40, 1);
    DataFrame right = side(25, 50, 2);
    for (JoinType how : JoinType.values()) {
      List<Outcome> out = join(left, right, how, p, true, true);
      for (Outcome o : out) {
        assertSameFrame(left.merge(right, how, "k"), o.whole());
        assertEquals(25, counted(o, FrameCounters.JOIN_BROADCAST_ROWS));
        assertEquals(0, counted(o, FrameCounters.JOIN_SHUFFLED_ROWS));
      }
      assertEquals(300, out.stream().mapToLong(o -> counted(o, FrameCounters.JOIN_PROBED_ROWS)).sum());
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void aSmallLeftSideOfAnInnerJoinIsBroadcastAndMatchesMeetInLeftOrder(int p) throws Exception {
    DataFrame left = side(30, 20, 3);
    DataFrame right = side(400, 25, 4);
    List<Outcome> out = join(left, right, JoinType.INNER, p, true, true);
    for (Outcome o : out) {
      assertSameFrame(left.merge(right, JoinType.INNER, "k"), o.whole());
      assertEquals(30, counted(o, FrameCounters.JOIN_BROADCAST_ROWS));
      assertEquals(0, counted(o, FrameCounters.JOIN_SHUFFLED_ROWS));
    }
    assertEquals(400, out.stream().mapToLong(o -> counted(o, FrameCounters.JOIN_PROBED_ROWS)).sum());
    // A replicated left side is not gathered again, and joins the same way.
    for (Outcome o : join(left, right, JoinType.INNER, p, false, true)) {
      assertSameFrame(left.merge(right, JoinType.INNER, "k"), o.whole());
      assertEquals(30, counted(o, FrameCounters.JOIN_BROADCAST_ROWS));
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void overTheThresholdBothSidesAreShuffledOnce(int p) throws Exception {
    DataFrame left = side(200, 30, 5);
    DataFrame right = side(150, 45, 6);
    String old = System.getProperty(JoinPlan.THRESHOLD_PROPERTY);
    System.setProperty(JoinPlan.THRESHOLD_PROPERTY, "-1"); // nothing fits: every row is shuffled
    try {
      for (JoinType how : JoinType.values()) {
        List<Outcome> out = join(left, right, how, p, true, true);
        for (Outcome o : out) {
          assertSameFrame(left.merge(right, how, "k"), o.whole());
          assertEquals(0, counted(o, FrameCounters.JOIN_BROADCAST_ROWS));
        }
        assertEquals(350, out.stream().mapToLong(o -> counted(o, FrameCounters.JOIN_SHUFFLED_ROWS)).sum());
      }
    } finally {
      if (old == null) {
        System.clearProperty(JoinPlan.THRESHOLD_PROPERTY);
      } else {
        System.setProperty(JoinPlan.THRESHOLD_PROPERTY, old);
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void emptyAndTinySidesJoinLikeTheSequentialRun(int p) throws Exception {
    DataFrame[] sides = {side(0, 5, 7), side(2, 5, 8), side(3, 2, 9)};
    for (DataFrame left : sides) {
      for (DataFrame right : sides) {
        for (JoinType how : JoinType.values()) {
          for (Outcome o : join(left, right, how, p, true, true)) {
            assertSameFrame(left.merge(right, how, "k"), o.whole());
          }
          for (Outcome o : join(left, right, how, p, false, true)) {
            assertSameFrame(left.merge(right, how, "k"), o.whole());
          }
          for (Outcome o : join(left, right, how, p, true, false)) {
            assertSameFrame(left.merge(right, how, "k"), o.whole());
          }
        }
      }
    }
    assertTrue(sides[2].merge(sides[2], "k").numRows() > 0, "the tiny sides match each other");
  }
}
