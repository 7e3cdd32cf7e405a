package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rank-order fold of guarded extrema, on simulated ranks. */
class GuardedExtremaTest {

  @Test
  void theFirstBestWinsUnderStrictAndTheLastUnderNonStrict() throws Exception {
    double[] bests = {3, 5, 5, 1};
    List<Integer> strict = SimulatedRanks.run(4, r -> GuardedExtrema.winner(ParallelRuntime.communicator(), bests[r],
        true, GuardedExtrema.GT));
    assertEquals(List.of(1, 1, 1, 1), strict);
    List<Integer> nonStrict = SimulatedRanks.run(4, r -> GuardedExtrema.winner(ParallelRuntime.communicator(), bests[r],
        true, GuardedExtrema.GE));
    assertEquals(List.of(2, 2, 2, 2), nonStrict);
  }

  @Test
  void aRankWhoseGuardNeverPassedAndANaNTakeNoPart() throws Exception {
    double[] bests = {2, Double.POSITIVE_INFINITY, Double.NaN, 4};
    boolean[] passed = {true, false, true, true};
    List<Integer> w = SimulatedRanks.run(4, r -> GuardedExtrema.winner(ParallelRuntime.communicator(), bests[r],
        passed[r], GuardedExtrema.GT));
    assertEquals(List.of(3, 3, 3, 3), w);
    // rank 0 keeps the loop's own start even when its guard never passed: nothing beats a NaN start
    List<Integer> fromNaN = SimulatedRanks.run(2, r -> GuardedExtrema.winner(ParallelRuntime.communicator(),
        r == 0 ? Double.NaN : 7.0, r != 0, GuardedExtrema.GT));
    assertEquals(List.of(0, 0), fromNaN);
  }

  @Test
  void everyRankTakesTheWinnersValue() throws Exception {
    List<Long> got = SimulatedRanks.run(3, r -> GuardedExtrema.fromRank(ParallelRuntime.communicator(), 100L + r, 2));
    assertEquals(List.of(102L, 102L, 102L), got);
    List<Long> ints = SimulatedRanks.run(3, r -> GuardedExtrema.winner(ParallelRuntime.communicator(), (long) -r, true,
        GuardedExtrema.LT) * 1L);
    assertEquals(List.of(2L, 2L, 2L), ints);
  }
}
