package dev.parjit.demo;

import dev.parjit.Parjit;
import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.Communicators;
import dev.parjit.mpi.ReduceOp;

/** Prints one line per rank, and the allreduce of the ranks (0 + 1 + ... + size-1). */
public final class HelloRanks {

  private HelloRanks() { }

  public static void main(String[] args) {
    Communicator world = Communicators.world();
    long sum = world.allreduce((long) Parjit.getRank(), ReduceOp.SUM);
    System.out.println("hello from rank " + Parjit.getRank() + " of " + Parjit.getSize()
        + "; sum of ranks = " + sum);
  }
}
