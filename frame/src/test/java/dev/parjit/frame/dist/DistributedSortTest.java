package dev.parjit.frame.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import dev.parjit.frame.kernel.Vectors;
import dev.parjit.runtime.SimulatedRanks;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distributed sort on simulated ranks against the sequential {@code sortValues} of the whole
 * frame, compared through a unique row id (so the whole permutation must match): ties, NaN and
 * nulls, all keys equal, sorted and reverse-sorted input, string keys, sizes 0, 1, below and at the
 * rank count and above the sample size, rows on every rank, on the first only, on the last only.
 * Every rank counts exactly its own rows as sorted, and the parts stay balanced when keys repeat.
 */
class DistributedSortTest {

  private record Outcome(DataFrame whole, long counted, int localRows, int keptRows) { }

  /** How the rows are laid out over the ranks: {@code bounds(n, p)[r]} is rank r's first row. */
  private enum Layout {
    UNEVEN, FIRST_ONLY, LAST_ONLY;

    int[] bounds(int n, int p) {
      int[] b = new int[p + 1];
      for (int r = 0; r <= p; r++) {
        b[r] = switch (this) {
          case UNEVEN -> (int) ((long) n * r * r / ((long) p * p)); // every rank a different share
          case FIRST_ONLY -> r == 0 ? 0 : n;
          case LAST_ONLY -> r == p ? n : 0;
        };
      }
      return b;
    }
  }

  private static List<Outcome> sortOnRanks(DataFrame df, int p, Layout layout, boolean ascending, String... by)
      throws Exception {
    int[] bounds = layout.bounds(df.numRows(), p);
    return SimulatedRanks.run(p, r -> {
      long before = FrameCounters.get(FrameCounters.SORTED_ROWS);
      DataFrame chunk = Placements.register(df.slice(bounds[r], bounds[r + 1] - bounds[r]), df.numRows(), bounds[r]);
      DataFrame sorted = DistributedFrames.sortValues(chunk, ascending, by);
      DataFrame whole = (DataFrame) DistributedFrames.replicate(sorted);
      return new Outcome(whole, FrameCounters.get(FrameCounters.SORTED_ROWS) - before, chunk.numRows(), sorted.numRows());
    });
  }

  /** {@code n} rows: a unique id, and the key columns {@code key.apply(n)} adds. */
  private static DataFrame withIds(int n, IntFunction<DataFrame> keys) {
    long[] id = new long[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return keys.apply(n).withColumn("id", Series.of("id", id));
  }

  private static DataFrame doubles(int n, IntFunction<Double> value, int nullEvery) {
    double[] x = new double[n];
    boolean[] valid = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i] = value.apply(i);
      valid[i] = nullEvery == 0 || i % nullEvery != 3;
    }
    return DataFrame.builder().add("x", Series.fromArrow(Vectors.ofDoubles("x", x, valid))).build();
  }

  private static void check(DataFrame df, int p, Layout layout, boolean ascending, String... by) throws Exception {
    long[] expected = df.sortValues(ascending, by).column("id").toLongArray();
    String what = String.join(",", by) + (ascending ? " ascending" : " descending") + ", " + df.numRows() + " rows, "
        + layout + ", " + p + " ranks";
    List<Outcome> out = sortOnRanks(df, p, layout, ascending, by);
    long kept = 0;
    for (Outcome o : out) {
      assertArrayEquals(expected, o.whole().column("id").toLongArray(), what);
      assertEquals(df.columns(), o.whole().columns(), what);
      assertEquals(o.localRows(), o.counted(), "rows counted as sorted, " + what);
      kept += o.keptRows();
    }
    assertEquals(df.numRows(), kept, what);
  }

  private static final int[] SIZES = {0, 1, 2, 3, 4, 5, 97, 5000};

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void doubleKeysWithTiesNaNAndNullsInEveryLayout(int p) throws Exception {
    Random rnd = new Random(p);
    for (int n : SIZES) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        int pick = rnd.nextInt(10);
        values[i] = pick == 0 ? Double.NaN : pick == 1 ? -0.0 : pick == 2 ? 0.0 : rnd.nextInt(7) - 3.5;
      }
      DataFrame df = withIds(n, m -> doubles(m, i -> values[i], 11));
      for (Layout layout : Layout.values()) {
        check(df, p, layout, true, "x");
        check(df, p, layout, false, "x");
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void allKeysEqualSortedAndReverseSortedInputs(int p) throws Exception {
    for (int n : SIZES) {
      check(withIds(n, m -> DataFrame.of("x", new long[m])), p, Layout.UNEVEN, true, "x");
      check(withIds(n, m -> doubles(m, i -> (double) i, 0)), p, Layout.UNEVEN, true, "x");
      check(withIds(n, m -> doubles(m, i -> (double) i, 0)), p, Layout.UNEVEN, false, "x");
      check(withIds(n, m -> doubles(m, i -> (double) (m - i), 0)), p, Layout.LAST_ONLY, true, "x");
      check(withIds(n, m -> doubles(m, i -> (double) (m - i), 0)), p, Layout.UNEVEN, false, "x");
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void severalKeysWithStringsAndNulls(int p) throws Exception {
    for (int n : SIZES) {
      String[] s = new String[n];
      long[] k = new long[n];
      for (int i = 0; i < n; i++) {
        s[i] = i % 7 == 2 ? null : "z" + (i * 11 % 5);
        k[i] = i * 13L % 4 - 2;
      }
      DataFrame df = withIds(n, m -> DataFrame.builder().add("s", s).add("k", k).build());
      for (Layout layout : Layout.values()) {
        check(df, p, layout, true, "s", "k");
        check(df, p, layout, false, "k", "s");
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3, 4})
  void equalKeysAreSplitBetweenRanksByRowSoPartsStayBalanced(int p) throws Exception {
    int n = 6000;
    long[] few = new long[n];
    for (int i = 0; i < n; i++) {
      few[i] = i % 2; // two keys for more ranks than keys
    }
    DataFrame df = withIds(n, m -> DataFrame.of("x", few));
    for (Outcome o : sortOnRanks(df, p, Layout.UNEVEN, true, "x")) {
      // Splitters from 1024 random samples per rank: a part more than 30% off its share would mean
      // the row tie-break or the sampling is broken.
      assertTrue(Math.abs(o.keptRows() - n / p) < 0.3 * n / p, o.keptRows() + " rows kept of " + n + " on " + p);
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3, 4})
  void rangePiecesSendEqualKeysFromEveryRankToOneRank(int p) throws Exception {
    int n = 3001;
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      k[i] = i * 7L % 10;
    }
    DataFrame df = DataFrame.of("k", k);
    int[] bounds = Layout.UNEVEN.bounds(n, p);
    List<long[][]> keysByDestination = SimulatedRanks.run(p, r -> {
      DataFrame chunk = Placements.register(df.slice(bounds[r], bounds[r + 1] - bounds[r]), n, bounds[r]);
      DataFrame[] pieces = DistributedSort.rangePieces(chunk, new String[] {"k"});
      long[][] keys = new long[p][];
      for (int d = 0; d < p; d++) {
        keys[d] = pieces[d].column("k").toLongArray();
      }
      return keys;
    });
    Map<Long, Integer> home = new java.util.HashMap<>();
    long rows = 0;
    for (long[][] byDestination : keysByDestination) {
      for (int d = 0; d < p; d++) {
        for (long key : byDestination[d]) {
          Integer was = home.putIfAbsent(key, d);
          assertTrue(was == null || was == d, "key " + key + " sent to ranks " + was + " and " + d);
          rows++;
        }
      }
    }
    assertEquals(n, rows);
    for (long key : home.keySet()) {
      for (long other : home.keySet()) {
        assertTrue(key >= other || home.get(key) <= home.get(other), "ranges out of key order");
      }
    }
  }
}
