package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A replicated array written at a loop's index on 1–4 simulated ranks: each rank writes its part of the
 * range on its own copy; after {@link SharedBlocks#shareAfter} every copy holds what the sequential
 * loop leaves, when it completes and when the iteration at {@code failAt} throws (the elements before
 * it written, the rest as before the loop), for every size from 0 and steps of 1 to 3.
 */
class SharedBlocksTest {

  /** What rank {@code r} of {@code p} runs of {@code [lo, hi)} with step {@code step}: {@code [first, end)}. */
  private static int[] part(int lo, int hi, int step, int p, int r) {
    int s = hi <= lo ? lo : (int) (lo + BlockDistribution.start(hi - lo, p, r));
    int e = hi <= lo ? lo : (int) (lo + BlockDistribution.end(hi - lo, p, r));
    return new int[] {ParallelRuntime.alignUp(s, lo, step), e};
  }

  /**
   * {@code for (i = lo; i < hi; i += step) { if (i == failAt) throw; a[i] = 10 * i + 1; }} on rank
   * {@code rank}'s part of a copy of {@code start}, then shared with {@code failed} the lowest rank
   * whose part holds {@code failAt}, or {@code p}.
   */
  private static long[] run(long[] start, int lo, int hi, int step, int failAt, int p, int rank) {
    long[] a = start.clone();
    int failed = p;
    for (int r = p - 1; r >= 0; r--) {
      int[] part = part(lo, hi, step, p, r);
      for (int i = part[0]; i < part[1]; i += step) {
        if (i == failAt) {
          failed = r;
        }
      }
    }
    int[] part = part(lo, hi, step, p, rank);
    for (int i = part[0]; i < part[1]; i += step) {
      if (i == failAt) {
        break;
      }
      a[i] = 10L * i + 1;
    }
    SharedBlocks.shareAfter(a, part[0], part[1], failed);
    return a;
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyCopyEndsAsTheSequentialLoopLeavesIt(int p) throws Exception {
    for (int n : new int[] {0, 1, 2, 3, 7, 20}) {
      for (int step : new int[] {1, 2, 3}) {
        for (int lo : new int[] {0, 1}) {
          for (int failAt : new int[] {-1, 0, 1, n / 3, n / 2, 2 * n / 3, n - 1}) {
            long[] start = new long[n];
            Arrays.fill(start, -7);
            long[] expected = run(start, lo, n, step, failAt, 1, 0);
            int from = lo;
            int s = step;
            int f = failAt;
            List<long[]> copies = SimulatedRanks.run(p, r -> run(start, from, n, s, f, p, r));
            for (int r = 0; r < p; r++) {
              assertArrayEquals(expected, copies.get(r), "n=" + n + " step=" + step + " lo=" + lo + " failAt=" + failAt
                  + " rank " + r);
            }
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3, 4})
  void aRangePastTheArrayAndANullArray(int p) throws Exception {
    List<double[]> copies = SimulatedRanks.run(p, r -> {
      double[] a = new double[5];
      int[] part = part(0, 9, 1, p, r);
      int failed = p;
      for (int q = 0; q < p && failed == p; q++) {
        int[] other = part(0, 9, 1, p, q);
        if (other[1] > 5 && other[0] < other[1]) {
          failed = q; // the first rank that reaches index 5 fails there
        }
      }
      for (int i = part[0]; i < Math.min(part[1], 5); i++) {
        a[i] = i + 0.5;
      }
      SharedBlocks.shareAfter(a, part[0], part[1], failed);
      SharedBlocks.shareAfter(null, part[0], part[1], failed);
      return a;
    });
    copies.forEach(a -> assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5, 4.5}, a));
  }
}
