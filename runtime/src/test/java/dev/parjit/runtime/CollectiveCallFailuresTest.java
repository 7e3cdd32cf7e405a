package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A distributed frame operation that fails on one rank only, with ranks simulated as threads: the
 * failing rank's call-site handler meets the others' agreement before their collective, every rank
 * throws the same exception, and the ranks stay in step for the next collective, also when the
 * agreed exception is rewrapped on its way to a handler.
 */
class CollectiveCallFailuresTest {

  /** One "frame operation": local work (failing on {@code failing}), then an agreeing allreduce. */
  private static long operation(int rank, int failing, boolean rewrap) {
    try {
      if (rank == failing) {
        throw new IllegalStateException("corrupt page on rank " + failing);
      }
      try {
        return ParallelRuntime.agreeingCommunicator().allreduce(1L, dev.parjit.mpi.ReduceOp.SUM);
      } catch (IllegalStateException e) {
        if (rewrap) {
          throw new IllegalStateException(e.getMessage()); // library code wrapping what it sees
        }
        throw e;
      }
    } catch (Throwable t) {
      throw ParallelRuntime.collectiveCallFailed(t); // the rewritten call site's handler
    }
  }

  @Test
  void everyRankThrowsTheFailureAndTheNextCollectiveIsInStep() throws Exception {
    for (boolean rewrap : new boolean[] {false, true}) {
      for (int p = 1; p <= 4; p++) {
        for (int failing = 0; failing < p; failing++) {
          int k = failing;
          int ranks = p;
          List<String> out = SimulatedRanks.run(p, r -> {
            ParallelRuntime.forgetFailures();
            String caught;
            try {
              operation(r, k, rewrap);
              caught = "none";
            } catch (IllegalStateException e) {
              caught = e.getMessage();
            }
            long next = ParallelRuntime.agreeingCommunicator().allreduce(1L, dev.parjit.mpi.ReduceOp.SUM);
            return caught + " / " + next;
          });
          for (int r = 0; r < p; r++) {
            assertEquals("corrupt page on rank " + k + " / " + ranks, out.get(r),
                "rank " + r + " of " + p + ", failing " + k + ", rewrapped " + rewrap);
          }
        }
      }
    }
  }
}
