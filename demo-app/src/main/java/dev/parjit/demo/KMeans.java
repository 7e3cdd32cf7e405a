package dev.parjit.demo;

import dev.parjit.demo.bench.workload.KMeansWorkload;

/**
 * K-means on 2-D points: each step is a {@code @Jit} call ({@link KMeansWorkload#step}, the benchmark's
 * kernel); the points are split over the workers.
 */
public final class KMeans {

  private KMeans() { }

  /** Runs {@code steps} steps from the first {@code k} points; prints the final centres. */
  static void run(int n, int k, int steps) {
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int cluster = i % k;
      x[i] = cluster * 10 + Math.sin(i * 0.37) * 3;
      y[i] = (cluster % 3) * 7 + Math.cos(i * 0.11) * 3;
    }
    double[] cx = java.util.Arrays.copyOf(x, k);
    double[] cy = java.util.Arrays.copyOf(y, k);
    long t0 = System.nanoTime();
    for (int s = 0; s < steps; s++) {
      // The benchmark's @Jit step: new centroids (x..., y...) and the inertia.
      double[] next = KMeansWorkload.step(x, y, cx, cy);
      cx = java.util.Arrays.copyOfRange(next, 0, k);
      cy = java.util.Arrays.copyOfRange(next, k, 2 * k);
    }
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < k; c++) {
      sb.append(String.format(" (%.2f, %.2f)", cx[c], cy[c]));
    }
    System.out.printf("k-means, %,d points, k=%d, %d steps (%.0f ms): centres%s%n", n, k, steps,
        (System.nanoTime() - t0) / 1e6, sb);
  }
}
