package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A loop counting down, split over 1–4 thread ranks: together the ranks run exactly the sequential indices, each its block from the top. */
class DownRangeTest {

  private static List<Integer> sequential(int low, int init, int step) {
    List<Integer> out = new ArrayList<>();
    for (long i = init; i >= low; i -= step) {
      out.add((int) i);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void theRanksRunTheSequentialIndicesInRankOrderOfBlocks(int p) throws Exception {
    int[][] cases = {{0, -1, 1}, {0, 0, 1}, {0, 9, 1}, {2, 9, 3}, {1, 100, 7}, {-5, 5, 2}, {3, 2, 1},
        {Integer.MAX_VALUE - 4, Integer.MAX_VALUE, 1}};
    for (int[] c : cases) {
      List<List<Integer>> perRank = SimulatedRanks.run(p, r -> {
        int[] range = ParallelRuntime.downRange(c[0], c[1], c[2], null);
        List<Integer> mine = new ArrayList<>();
        for (long i = range[0]; i >= range[1]; i -= c[2]) {
          mine.add((int) i);
        }
        return mine;
      });
      List<Integer> all = new ArrayList<>();
      for (int r = p - 1; r >= 0; r--) {
        all.addAll(perRank.get(r)); // the highest rank holds the top of the range
      }
      assertEquals(sequential(c[0], c[1], c[2]), all, java.util.Arrays.toString(c) + " on " + p + " ranks");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void anAlignedLoopRunsTheIndicesItsRankOwns(int p) throws Exception {
    List<List<Integer>> perRank = SimulatedRanks.run(p, r -> {
      double[] chunk = ParallelRuntime.newDoubleArray(10);
      int[] range = ParallelRuntime.downRange(1, 9, 2, chunk);
      List<Integer> mine = new ArrayList<>();
      for (int i = range[0]; i >= range[1]; i -= 2) {
        assertEquals(true, i >= ParallelRuntime.ownedStart(chunk) && i < ParallelRuntime.ownedEnd(chunk));
        mine.add(i);
      }
      return mine;
    });
    List<Integer> all = new ArrayList<>();
    for (int r = p - 1; r >= 0; r--) {
      all.addAll(perRank.get(r));
    }
    assertEquals(List.of(9, 7, 5, 3, 1), all);
  }
}
