package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.Parjit;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * One k-means step (assignment, then centroid update) over 2-D points in two arrays, k = 8. The
 * points are made from their index (the same in every JVM); in SPMD mode each rank makes only its
 * block and passes it as a {@code distributed} parameter.
 */
public final class KMeansWorkload implements Workload {
  static final int K = 8;

  static int points(Scale scale) {
    return 1_000_000;
  }

  /** Point {@code i}: blob {@code i % K} on a circle of radius 4, plus uniform noise in [-1, 1). */
  static double px(long i) {
    return 4 * Math.cos(2 * Math.PI * (i % K) / K) + 2 * ParquetData.uniform(i, 21) - 1;
  }

  static double py(long i) {
    return 4 * Math.sin(2 * Math.PI * (i % K) / K) + 2 * ParquetData.uniform(i, 22) - 1;
  }

  /** Initial centroids: the first {@code K} points (one in each blob). */
  static double[] initial(boolean yAxis) {
    double[] c = new double[K];
    for (int j = 0; j < K; j++) {
      c[j] = yAxis ? py(j) : px(j);
    }
    return c;
  }

  /**
   * The kernel: new centroids {@code [cx..., cy..., inertia]}. The outer loop is parallel over the
   * points; per-cluster sums are array reductions, the inertia a scalar one.
   */
  @Jit(distributed = {"x", "y"})
  public static double[] step(double[] x, double[] y, double[] cx, double[] cy) {
    int k = cx.length;
    double[] sx = new double[k];
    double[] sy = new double[k];
    double[] count = new double[k];
    double inertia = 0;
    for (int i = 0; i < x.length; i++) {
      int best = 0;
      double bestD = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        double dx = x[i] - cx[c];
        double dy = y[i] - cy[c];
        double d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      sx[best] += x[i];
      sy[best] += y[i];
      count[best] += 1;
      inertia += bestD;
    }
    return finish(sx, sy, count, inertia, cx, cy);
  }

  /** Centroid = mean of its points (an empty cluster keeps its centroid), then the inertia. */
  static double[] finish(double[] sx, double[] sy, double[] count, double inertia, double[] cx, double[] cy) {
    int k = cx.length;
    double[] out = new double[2 * k + 1];
    for (int c = 0; c < k; c++) {
      out[c] = count[c] > 0 ? sx[c] / count[c] : cx[c];
      out[k + c] = count[c] > 0 ? sy[c] / count[c] : cy[c];
    }
    out[2 * k] = inertia;
    return out;
  }

  /** The single-JVM peer: the same step with a parallel stream collecting per-thread sums. */
  public static double[] stepStreams(double[] x, double[] y, double[] cx, double[] cy) {
    int k = cx.length;
    double[] acc = IntStream.range(0, x.length).parallel().collect(() -> new double[3 * k + 1], (a, i) -> {
      int best = 0;
      double bestD = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        double dx = x[i] - cx[c];
        double dy = y[i] - cy[c];
        double d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      a[best] += x[i];
      a[k + best] += y[i];
      a[2 * k + best] += 1;
      a[3 * k] += bestD;
    }, (a, b) -> {
      for (int j = 0; j < a.length; j++) {
        a[j] += b[j];
      }
    });
    double[] sx = java.util.Arrays.copyOfRange(acc, 0, k);
    double[] sy = java.util.Arrays.copyOfRange(acc, k, 2 * k);
    double[] count = java.util.Arrays.copyOfRange(acc, 2 * k, 3 * k);
    return finish(sx, sy, count, acc[3 * k], cx, cy);
  }

  private double[][] data;

  /** This process's points: all of them, or the rank's block in SPMD mode (Bodo's block formula). */
  double[][] myPoints(int n) {
    if (data == null) {
      int p = Parjit.getSize();
      int r = Parjit.getRank();
      int blk = n / p;
      int rem = n % p;
      int start = r * blk + Math.min(r, rem);
      int len = blk + (r < rem ? 1 : 0);
      double[] x = new double[len];
      double[] y = new double[len];
      for (int i = 0; i < len; i++) {
        x[i] = px(start + i);
        y[i] = py(start + i);
      }
      data = new double[][] {x, y};
    }
    return data;
  }

  @Override
  public String id() {
    return "kmeans";
  }

  @Override
  public String title(Scale scale) {
    return String.format("k-means step, %,d 2-D points, k=%d", points(scale), K);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    double[][] d = myPoints(points(scale));
    return step(d[0], d[1], initial(false), initial(true));
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    double[][] d = myPoints(points(scale));
    return stepStreams(d[0], d[1], initial(false), initial(true));
  }
}
