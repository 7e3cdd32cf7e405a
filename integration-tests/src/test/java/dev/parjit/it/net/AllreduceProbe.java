package dev.parjit.it.net;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.Communicators;
import dev.parjit.mpi.ReduceOp;
import java.util.Arrays;

/**
 * Runs on every rank of a launch ({@link MultiHostBench}): {@code allreduceInPlace} of 1M doubles,
 * 3 warm-up rounds then {@code args[0]} timed ones, each after a barrier; rank 0 prints the
 * median and the minimum in ms, and checks the sum.
 */
public final class AllreduceProbe {

  private AllreduceProbe() { }

  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    Communicator comm = Communicators.world();
    double[] v = new double[1 << 20];
    double[] times = new double[rounds];
    for (int k = -3; k < rounds; k++) {
      Arrays.fill(v, comm.rank() + 1);
      comm.barrier();
      long t0 = System.nanoTime();
      comm.allreduceInPlace(v, ReduceOp.SUM);
      long t1 = System.nanoTime();
      if (k >= 0) {
        times[k] = (t1 - t0) / 1e6;
      }
      double expected = comm.size() * (comm.size() + 1) / 2.0;
      if (v[0] != expected || v[v.length - 1] != expected) {
        throw new IllegalStateException("allreduce gave " + v[0] + ", expected " + expected);
      }
    }
    if (comm.rank() == 0) {
      Arrays.sort(times);
      System.out.printf("ALLREDUCE_MS median %.2f min %.2f%n", times[rounds / 2], times[0]);
    }
  }
}
