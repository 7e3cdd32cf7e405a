package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelRuntimeTest {

  @AfterEach
  void sequentialAgain() {
    ParallelRuntime.reset();
    DistributedArrays.clear();
  }

  @Test
  void anArrayReductionsAliasCheckSeesRowsOfTheArraysItReads() {
    double[] a = {1, 2};
    assertEquals(1, ParallelRuntime.same(a, a));
    assertEquals(0, ParallelRuntime.same(a, new double[] {1, 2}));
    assertEquals(1, ParallelRuntime.same(a, new double[][] {{3}, a}), "a row of a matrix the loop reads");
    assertEquals(1, ParallelRuntime.same(a, new double[][][] {{}, {{4}, a}}), "a row of a row");
    assertEquals(0, ParallelRuntime.same(a, new double[][] {{1, 2}, null}));
    Object[] self = new Object[2];
    self[0] = self;
    assertEquals(0, ParallelRuntime.same(a, self), "an Object[] holding itself ends the search");
    self[1] = a;
    assertEquals(1, ParallelRuntime.same(a, self));
  }

  @Test
  void blocksPartitionTheRangeInRankOrder() throws Exception {
    for (int p = 1; p <= 4; p++) {
      for (int lo0 = -2; lo0 <= 3; lo0++) {
        int lo = lo0;
        for (int n = 0; n <= 20; n++) {
          int hi = lo + n;
          List<int[]> ranges = SimulatedRanks.run(p, r ->
              new int[] {ParallelRuntime.blockStart(lo, hi), ParallelRuntime.blockEnd(lo, hi)});
          int expectedStart = lo;
          for (int r = 0; r < p; r++) {
            int[] range = ranges.get(r);
            assertEquals(expectedStart, range[0], "start of rank " + r + " of " + p + " for [" + lo + "," + hi + ")");
            int size = range[1] - range[0];
            // Bodo's formula: sizes differ by at most one, larger ones first.
            assertTrue(size == n / p || size == n / p + 1, "balanced");
            assertEquals(r < n % p ? n / p + 1 : n / p, size);
            expectedStart = range[1];
          }
          assertEquals(hi, expectedStart, "the blocks cover the range");
        }
      }
    }
  }

  @Test
  void emptyAndReversedRangesAreEmptyEverywhere() throws Exception {
    List<long[]> ranges = SimulatedRanks.run(3, r ->
        new long[] {ParallelRuntime.blockStart(5L, 2L), ParallelRuntime.blockEnd(5L, 2L)});
    for (long[] range : ranges) {
      assertEquals(range[0], range[1]);
    }
  }

  @Test
  void alignUpFindsTheNextGridPoint() {
    for (int lo = -3; lo < 4; lo++) {
      for (int step = 1; step <= 3; step++) {
        for (int s = -5; s < 12; s++) {
          int expected = lo;
          while (expected < s) {
            expected += step;
          }
          assertEquals(expected, ParallelRuntime.alignUp(s, lo, step), "s=" + s + " lo=" + lo + " step=" + step);
        }
      }
    }
  }

  @Test
  void distributedAllocationRegistersChunksWithGlobalLength() throws Exception {
    for (int p = 1; p <= 4; p++) {
      for (int n : new int[] {0, 1, 2, 3, 7, 100}) {
        int fp = p;
        List<int[]> info = SimulatedRanks.run(p, r -> {
          double[] a = ParallelRuntime.newDoubleArray(n);
          return new int[] {a.length, ParallelRuntime.length(a), ParallelRuntime.ownedStart(a), ParallelRuntime.ownedEnd(a)};
        });
        int covered = 0;
        for (int r = 0; r < fp; r++) {
          int[] i = info.get(r);
          assertEquals(n, i[1], "global length");
          assertEquals(covered, i[2], "start");
          assertEquals(i[2] + i[0], i[3], "end");
          covered = i[3];
        }
        assertEquals(n, covered);
      }
    }
  }

  @Test
  void unregisteredArraysAreWholeOnEveryRank() {
    int[] a = new int[5];
    assertEquals(0, ParallelRuntime.ownedStart(a));
    assertEquals(5, ParallelRuntime.ownedEnd(a));
    assertEquals(5, ParallelRuntime.length(a));
  }

  @Test
  void reductionsCountTheInitialValueOnceAndCombineEveryRank() throws Exception {
    int p = 3;
    List<Double> sums = SimulatedRanks.run(p, r -> {
      double s = ParallelRuntime.reduceInit(10.0, Neutral.SUM);
      s += r + 1;
      return ParallelRuntime.allreduce(s, Neutral.SUM);
    });
    sums.forEach(v -> assertEquals(10.0 + 1 + 2 + 3, v));
    List<Long> mins = SimulatedRanks.run(p, r -> ParallelRuntime.allreduce(
        Math.min(ParallelRuntime.reduceInit(100L, Neutral.MIN), 50L - r), Neutral.MIN));
    mins.forEach(v -> assertEquals(48L, v));
    List<Integer> xors = SimulatedRanks.run(4, r -> ParallelRuntime.allreduce(
        ParallelRuntime.reduceInit(0b1010, Neutral.BXOR) ^ (1 << r), Neutral.BXOR));
    xors.forEach(v -> assertEquals(0b1010 ^ 0b1111, v));
  }

  @Test
  void arrayReductionAddsEveryRanksPartOnceOverPriorContents() throws Exception {
    List<int[]> hists = SimulatedRanks.run(4, r -> {
      int[] h = {5, 5, 5};
      ParallelRuntime.arrayReduceInit(h, Neutral.SUM);
      h[r % 3]++;
      ParallelRuntime.arrayAllreduce(h, Neutral.SUM);
      return h;
    });
    hists.forEach(h -> assertArrayEquals(new int[] {7, 6, 6}, h));
  }

  @Test
  void replicateGathersChunksInRankOrder() throws Exception {
    List<double[]> full = SimulatedRanks.run(3, r -> {
      double[] a = ParallelRuntime.newDoubleArray(7);
      for (int i = 0; i < a.length; i++) {
        a[i] = ParallelRuntime.ownedStart(a) + i;
      }
      return ParallelRuntime.replicate(a);
    });
    full.forEach(a -> assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6}, a));
  }

  @Test
  void wholeOfGathersAChunkAndPassesAWholeArray() throws Exception {
    List<Object[]> out = SimulatedRanks.run(3, r -> {
      short[] chunk = (short[]) ParallelRuntime.blockOf(new short[] {10, 11, 12, 13, 14});
      char[] letters = (char[]) ParallelRuntime.blockOf("abcd".toCharArray());
      double[] whole = {1, 2};
      return new Object[] {ParallelRuntime.wholeOf(chunk), ParallelRuntime.wholeOf(letters),
          ParallelRuntime.wholeOf(whole) == whole};
    });
    for (Object[] o : out) {
      assertArrayEquals(new short[] {10, 11, 12, 13, 14}, (short[]) o[0]);
      assertArrayEquals("abcd".toCharArray(), (char[]) o[1]);
      assertEquals(true, o[2]);
    }
  }

  @Test
  void enterDistributedMakesA1DVarArray() throws Exception {
    List<int[]> info = SimulatedRanks.run(3, r -> {
      long[] chunk = new long[r == 1 ? 0 : r + 2];
      ParallelRuntime.enterDistributed(chunk);
      return new int[] {ParallelRuntime.ownedStart(chunk), ParallelRuntime.length(chunk)};
    });
    assertArrayEquals(new int[] {0, 6}, info.get(0));
    assertArrayEquals(new int[] {2, 6}, info.get(1));
    assertArrayEquals(new int[] {2, 6}, info.get(2));
  }

  @Test
  void misalignedArraysFailClearly() throws Exception {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ParallelRuntime.checkAligned(ParallelRuntime.newDoubleArray(4), ParallelRuntime.newDoubleArray(5)));
    assertTrue(e.getMessage().contains("4 and 5"), e.getMessage());
  }

  @Test
  void registeredChunksThatAreNotArraysAreAlignedByTheirPlacement() {
    // Columns of one distributed frame (series) read in one row loop: no array length to compare.
    Object x = new Object();
    Object id = new Object();
    Object other = new Object();
    DistributedArrays.register(x, 10, 4, 3);
    DistributedArrays.register(id, 10, 4, 3);
    DistributedArrays.register(other, 10, 4, 2);
    ParallelRuntime.checkAligned(x, id);
    assertThrows(IllegalStateException.class, () -> ParallelRuntime.checkAligned(x, other));
  }

  @Test
  void dispatchWithoutAnAgentRunsTheOriginalCode() {
    Object answer = Dispatch.invoke(ParallelRuntimeTest.class, "a.B.m()V", new Object[0]);
    assertTrue(Dispatch.runsHere(answer), "the stub runs the original code on the driver: " + answer);
    assertFalse(Dispatch.runsHere(null));
  }
}
