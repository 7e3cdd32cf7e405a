package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ParallelRuntime#agreeLoopAllreduce}: a loop's failure agreement and its floating sum in one
 * collective ({@link PackedReductions}), on 1–4 simulated ranks: the sum when no rank failed, else the
 * lowest failing rank's failure on every rank; other operations share the collective too.
 */
class AgreeLoopAllreduceTest {

  /** Each rank's partial {@code r + 0.5}; ranks in {@code failing} threw. What each returned or threw. */
  private static List<Object> run(int p, int op, List<Integer> failing) throws Exception {
    return SimulatedRanks.run(p, r -> {
      RuntimeException mine = new IllegalStateException("rank " + r);
      if (failing.contains(r)) {
        ParallelRuntime.loopFailed(mine);
      }
      long before = SimulatedRanks.collectives();
      try {
        double v = ParallelRuntime.agreeLoopAllreduce(r + 0.5, op);
        return List.of(v, SimulatedRanks.collectives() - before);
      } catch (RuntimeException t) {
        if (failing.contains(r) && failing.get(0) == r) {
          assertSame(mine, t, "the lowest failing rank rethrows its own exception");
        }
        return t.getMessage();
      }
    });
  }

  @Test
  void noFailureGivesTheSumInOneCollective() throws Exception {
    for (int p = 1; p <= 4; p++) {
      double sum = 0;
      for (int r = 0; r < p; r++) {
        sum += r + 0.5;
      }
      for (Object o : run(p, 0, List.of())) {
        assertEquals(List.of(sum, p == 1 ? 0L : 1L), o, p + " ranks"); // one rank needs no collective
      }
    }
  }

  @Test
  void theLowestFailingRankWinsOnEveryRank() throws Exception {
    for (int p = 2; p <= 4; p++) {
      for (Object o : run(p, 0, p > 2 ? List.of(1, 2) : List.of(1))) {
        assertEquals("rank 1", o, p + " ranks");
      }
    }
    for (Object o : run(3, 0, List.of(0))) {
      assertEquals("rank 0", o);
    }
  }

  @Test
  void aMaximumSharesTheAgreementsCollective() throws Exception {
    int max = 3; // ReductionOp.MAX
    for (Object o : run(3, max, List.of())) {
      assertEquals(List.of(2.5, 1L), o);
    }
    for (Object o : run(3, max, List.of(2))) {
      assertEquals("rank 2", o);
    }
  }
}
