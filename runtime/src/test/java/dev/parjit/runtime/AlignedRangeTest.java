package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The range of an aligned loop (one whose arrays are split with it), over 1–4 thread ranks: taken from
 * the first array that is not null, and, when every array is null, the rank's block of the loop's range,
 * so that together the ranks still run each index exactly once (the loop's first read of the null array
 * then throws where the sequential run throws).
 */
class AlignedRangeTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4})
  void withEveryArrayNullTheRanksRunEachIndexOnce(int p) throws Exception {
    for (int[] c : new int[][] {{0, 0}, {0, 1}, {0, 7}, {3, 10}, {-4, 5}}) {
      List<List<Integer>> perRank = SimulatedRanks.run(p, r -> {
        List<Integer> mine = new ArrayList<>();
        int from = ParallelRuntime.alignedFrom(null, c[0], c[1]);
        int to = ParallelRuntime.alignedTo(null, c[0], c[1]);
        for (int i = ParallelRuntime.alignUp(from, c[0], 1); i < to; i++) {
          mine.add(i);
        }
        return mine;
      });
      List<Integer> all = new ArrayList<>();
      perRank.forEach(all::addAll);
      List<Integer> expected = new ArrayList<>();
      for (int i = c[0]; i < c[1]; i++) {
        expected.add(i);
      }
      assertEquals(expected, all, java.util.Arrays.toString(c) + " on " + p + " ranks");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void aNullArrayBesideASplitOneTakesTheSplitOnesRange(int p) throws Exception {
    List<List<Integer>> perRank = SimulatedRanks.run(p, r -> {
      double[] chunk = ParallelRuntime.newDoubleArray(10);
      Object anchor = ParallelRuntime.firstNonNull(null, chunk);
      assertSame(chunk, anchor);
      List<Integer> mine = new ArrayList<>();
      for (int i = ParallelRuntime.alignUp(ParallelRuntime.alignedFrom(anchor, 0, 10), 0, 1);
          i < ParallelRuntime.alignedTo(anchor, 0, 10); i++) {
        assertEquals(true, i >= ParallelRuntime.ownedStart(chunk) && i < ParallelRuntime.ownedEnd(chunk));
        mine.add(i);
      }
      return mine;
    });
    List<Integer> all = new ArrayList<>();
    perRank.forEach(all::addAll);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), all);
    assertNull(ParallelRuntime.firstNonNull(null, null));
  }
}
