package dev.parjit.runtime;

import java.util.Arrays;

/**
 * Why a stencil loop is split ({@code StencilPeelingPass}): the 3-point sweep of the Jacobi benchmark
 * over one rank's chunk, as the original loop, as one loop reading through
 * {@link Halo#read(double[], int, Halo)} (a branch per read), and split into halo, interior and halo
 * parts with the interior reading the chunk directly. The chunk has a halo element on each side, as a
 * middle rank's does, so the reads outside the chunk run at every sweep as they do on the workers
 * (a halo that is never used lets the JIT drop that path and hides the branch's cost). Median of 7
 * rounds of 20 sweeps, per sweep; wall time, so run it on a quiet machine.
 *
 * <p>Usage: {@code java -cp <runtime test classpath> dev.parjit.runtime.HaloReadBench [points]}.
 */
public final class HaloReadBench {

  private HaloReadBench() { }

  /** The original loop, over a chunk that is the whole array. */
  static void plain(double[] u, double[] v) {
    for (int i = 1; i < u.length - 1; i++) {
      v[i] = (u[i - 1] + u[i] + u[i + 1]) / 3;
    }
  }

  /** The chunk holds global {@code [1, 1 + length)}; the loop runs over all of it. */
  static void throughHalo(double[] u, double[] v, Halo h) {
    for (int i = 1; i < 1 + u.length; i++) {
      v[i - 1] = (Halo.read(u, i - 1, h) + Halo.read(u, i, h) + Halo.read(u, i + 1, h)) / 3;
    }
  }

  /** As {@link #throughHalo}, split where the reads stay inside the chunk. */
  static void split(double[] u, double[] v, Halo h) {
    int end = 1 + u.length;
    int before = Math.min(Halo.interiorFrom(h, -1), end);
    int inside = Math.min(Halo.interiorTo(h, 1), end);
    int s = Halo.chunkStart(h);
    int i = 1;
    for (; i < before; i++) {
      v[i - 1] = (Halo.read(u, i - 1, h) + Halo.read(u, i, h) + Halo.read(u, i + 1, h)) / 3;
    }
    for (; i < inside; i++) {
      v[i - 1] = (u[i - 1 - s] + u[i - s] + u[i + 1 - s]) / 3;
    }
    for (; i < end; i++) {
      v[i - 1] = (Halo.read(u, i - 1, h) + Halo.read(u, i, h) + Halo.read(u, i + 1, h)) / 3;
    }
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = i % 13;
    }
    Halo hu = new Halo(1, n, n + 2, new double[] {0.5}, 0, new double[] {0.25}, n + 1);
    Halo hv = new Halo(1, n, n + 2, new double[] {0.5}, 0, new double[] {0.25}, n + 1);
    int rounds = 7;
    double[][] ms = new double[3][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < 3; k++) {
        long t0 = System.nanoTime();
        for (int s = 0; s < 10; s++) {
          switch (k) {
            case 0 -> { plain(u, v); plain(v, u); }
            case 1 -> { throughHalo(u, v, hu); throughHalo(v, u, hv); }
            default -> { split(u, v, hu); split(v, u, hv); }
          }
        }
        ms[k][r] = (System.nanoTime() - t0) / 1e6 / 20;
      }
    }
    String[] names = {"original loop", "through the halo", "split"};
    StringBuilder out = new StringBuilder(String.format("3-point sweep over %,d points, ms per sweep (median, range):", n));
    for (int k = 0; k < 3; k++) {
      Arrays.sort(ms[k]);
      out.append(String.format(" %s %.2f (%.2f-%.2f);", names[k], ms[k][rounds / 2], ms[k][0], ms[k][rounds - 1]));
    }
    System.out.println(out.append(String.format(" checksum %.3f", u[n / 2])));
  }
}
