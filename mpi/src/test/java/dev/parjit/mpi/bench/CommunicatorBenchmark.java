package dev.parjit.mpi.bench;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.Communicators;
import dev.parjit.mpi.ReduceOp;
import java.util.Arrays;
import mpi.MPI;

/**
 * Runs on every rank (started by {@link MpiBenchmarks}): allreduce latency (1 double) and
 * bandwidth (1M doubles) through {@link Communicator}, beside the same raw MPJ Express call, in
 * alternating rounds so both see the same machine state. Rank 0 prints medians.
 */
public final class CommunicatorBenchmark {

  private CommunicatorBenchmark() { }

  public static void main(String[] args) {
    Communicator comm = Communicators.world();
    int rounds = 15;
    double[] layerLat = new double[rounds];
    double[] rawLat = new double[rounds];
    double[] layerBw = new double[rounds];
    double[] rawBw = new double[rounds];
    double[] big = new double[1_000_000];
    Arrays.fill(big, 1.0);
    double[] out = new double[big.length];
    double[] one = new double[1];
    double[] oneOut = new double[1];
    int small = 2000;
    int large = 5;
    for (int round = -3; round < rounds; round++) { // three warm-up rounds
      comm.barrier();
      long t0 = System.nanoTime();
      for (int i = 0; i < small; i++) {
        comm.allreduce(1.0, ReduceOp.SUM);
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < small; i++) {
        MPI.COMM_WORLD.Allreduce(one, 0, oneOut, 0, 1, MPI.DOUBLE, MPI.SUM);
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < large; i++) {
        comm.allreduceInPlace(big, ReduceOp.SUM);
        Arrays.fill(big, 1.0);
      }
      long t3 = System.nanoTime();
      for (int i = 0; i < large; i++) {
        MPI.COMM_WORLD.Allreduce(big, 0, out, 0, big.length, MPI.DOUBLE, MPI.SUM);
        Arrays.fill(big, 1.0); // the same refill as the layer's rounds
      }
      long t4 = System.nanoTime();
      if (round >= 0) {
        layerLat[round] = (t1 - t0) / 1e3 / small;
        rawLat[round] = (t2 - t1) / 1e3 / small;
        layerBw[round] = (t3 - t2) / 1e6 / large;
        rawBw[round] = (t4 - t3) / 1e6 / large;
      }
    }
    if (comm.rank() == 0) {
      System.out.printf("allreduce 1 double:   Communicator %.1f us, raw MPJ %.1f us, layer/raw %.3f%n",
          median(layerLat), median(rawLat), median(layerLat) / median(rawLat));
      System.out.printf("allreduce 1M doubles: Communicator %.2f ms, raw MPJ %.2f ms, layer/raw %.3f (%.0f MB/s through the layer)%n",
          median(layerBw), median(rawBw), median(layerBw) / median(rawBw), 8.0 / median(layerBw) * 1000);
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
