package dev.parjit.demo.bench;

import java.util.Arrays;

/**
 * One measurement run, printed as {@code BENCH key value}. Modes: {@code jit} (the @Jit kernel:
 * run without the agent it is the sequential baseline, with it the Parjit run) and
 * {@code streams} (the parallel-streams peer).
 */
public final class MonteCarloBench {

  private MonteCarloBench() { }

  public static void main(String[] args) {
    String mode = args[0];
    long n = Long.parseLong(args[1]);
    int reps = Integer.parseInt(args[2]);
    long t0 = System.nanoTime();
    double first = mode.equals("streams") ? MonteCarlo.piStreams(n) : MonteCarlo.pi(n);
    System.out.printf("BENCH first_call_ms %.1f%n", (System.nanoTime() - t0) / 1e6);
    double[] ms = new double[reps];
    double value = first;
    for (int r = 0; r < reps; r++) {
      long t = System.nanoTime();
      value = mode.equals("streams") ? MonteCarlo.piStreams(n) : MonteCarlo.pi(n);
      ms[r] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("BENCH pi %.12f%n", value);
    System.out.printf("BENCH median_ms %.1f%n", ms[reps / 2]);
    System.out.printf("BENCH min_ms %.1f%n", ms[0]);
    System.out.printf("BENCH max_ms %.1f%n", ms[reps - 1]);
    if (mode.equals("jit")) {
      double[] us = new double[501];
      for (int i = 0; i < us.length; i++) {
        long t = System.nanoTime();
        MonteCarlo.trivial(i);
        us[i] = (System.nanoTime() - t) / 1e3;
      }
      Arrays.sort(us);
      System.out.printf("BENCH trivial_call_median_us %.1f%n", us[us.length / 2]);
    }
  }
}
