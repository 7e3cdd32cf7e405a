package dev.parjit.runtime;

import java.util.Arrays;

/**
 * Why stencil reads go through {@link Halo#read(double[], int, Halo)} (the chunk as it is, one
 * branch per read) rather than an extended local copy: the 3-point sweep of the Jacobi benchmark,
 * plain against through the halo, one process, median of 7 rounds of 20 sweeps over 10M points.
 * Memory-bound, so the branch costs close to nothing; an extended copy would cost a copy of the
 * chunk per step or a second layout for every distributed array.
 *
 * <p>Usage: {@code java -cp <runtime test classpath> dev.parjit.runtime.HaloReadBench [points]}.
 */
public final class HaloReadBench {

  private HaloReadBench() { }

  static void plain(double[] u, double[] v) {
    for (int i = 1; i < u.length - 1; i++) {
      v[i] = (u[i - 1] + u[i] + u[i + 1]) / 3;
    }
  }

  static void throughHalo(double[] u, double[] v, Halo h) {
    for (int i = 1; i < u.length - 1; i++) {
      v[i] = (Halo.read(u, i - 1, h) + Halo.read(u, i, h) + Halo.read(u, i + 1, h)) / 3;
    }
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = i % 13;
    }
    Halo hu = Halo.exchange(u, -1, 1, 1, n - 1);
    Halo hv = Halo.exchange(v, -1, 1, 1, n - 1);
    int rounds = 7;
    double[] plainMs = new double[rounds];
    double[] haloMs = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (int s = 0; s < 10; s++) {
        plain(u, v);
        plain(v, u);
      }
      long t1 = System.nanoTime();
      for (int s = 0; s < 10; s++) {
        throughHalo(u, v, hu);
        throughHalo(v, u, hv);
      }
      long t2 = System.nanoTime();
      plainMs[r] = (t1 - t0) / 1e6 / 20;
      haloMs[r] = (t2 - t1) / 1e6 / 20;
    }
    Arrays.sort(plainMs);
    Arrays.sort(haloMs);
    System.out.printf("3-point sweep over %,d points: plain %.2f ms, through the halo %.2f ms (medians of %d rounds,"
        + " range %.2f-%.2f and %.2f-%.2f; checksum %.3f)%n", n, plainMs[rounds / 2], haloMs[rounds / 2], rounds,
        plainMs[0], plainMs[rounds - 1], haloMs[0], haloMs[rounds - 1], u[n / 2]);
  }
}
