package dev.parjit.it.mpi;

import dev.parjit.Parjit;
import dev.parjit.mpi.Communicators;
import dev.parjit.mpi.ReduceOp;

/**
 * Rank {@code args[0]} throws; the others wait in a collective (they would hang forever if the
 * launcher did not stop them).
 */
public final class FailingRank {

  private FailingRank() { }

  public static void main(String[] args) {
    int bad = Integer.parseInt(args[0]);
    if (Parjit.getRank() == bad) {
      throw new IllegalStateException("boom from rank " + bad);
    }
    Communicators.world().allreduce(1L, ReduceOp.SUM);
  }
}
