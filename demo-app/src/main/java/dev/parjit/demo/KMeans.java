package dev.parjit.demo;

import dev.parjit.Jit;

/** K-means on 2-D points: each step is a {@code @Jit} call; the points are split over the workers. */
public final class KMeans {

  private KMeans() { }

  /**
   * One assignment pass: for each centre, the sum of x, the sum of y and the count of the points
   * nearest to it ({@code 3k} values, combined over ranks element-wise: an array reduction).
   */
  @Jit
  static double[] step(double[] x, double[] y, double[] cx, double[] cy) {
    int k = cx.length;
    double[] sums = new double[3 * k];
    for (int i = 0; i < x.length; i++) {
      int best = 0;
      double bestDistance = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        double dx = x[i] - cx[c];
        double dy = y[i] - cy[c];
        double d = dx * dx + dy * dy;
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      sums[3 * best] += x[i];
      sums[3 * best + 1] += y[i];
      sums[3 * best + 2] += 1;
    }
    return sums;
  }

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
      double[] sums = step(x, y, cx, cy);
      for (int c = 0; c < k; c++) {
        if (sums[3 * c + 2] > 0) {
          cx[c] = sums[3 * c] / sums[3 * c + 2];
          cy[c] = sums[3 * c + 1] / sums[3 * c + 2];
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < k; c++) {
      sb.append(String.format(" (%.2f, %.2f)", cx[c], cy[c]));
    }
    System.out.printf("k-means, %,d points, k=%d, %d steps (%.0f ms): centres%s%n", n, k, steps,
        (System.nanoTime() - t0) / 1e6, sb);
  }
}
