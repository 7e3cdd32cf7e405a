package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * A 1-D three-point Jacobi relaxation, 10⁷ points × 50 steps: the grid is made inside the
 * {@code @Jit} method, the time loop swaps two buffers, and each sweep reads {@code u[i - 1]},
 * {@code u[i]}, {@code u[i + 1]} and writes {@code v[i]}.
 */
public final class Jacobi1DWorkload implements Workload {

  static final int STEPS = 50;

  static int points(Scale scale) {
    return scale.pick(10_000_000, 2_000_000);
  }

  /** The kernel: returns {sum of the final grid, its middle value}. */
  @Jit
  public static double[] relax(int n, int steps) {
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = (i % 1000) * 0.001;
      v[i] = u[i];
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = (u[i - 1] + u[i] + u[i + 1]) * (1.0 / 3);
      }
      double[] swap = u;
      u = v;
      v = swap;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += u[i];
    }
    return new double[] {sum, u[n / 2]};
  }

  /** The single-JVM peer: each sweep a parallel stream over the points. */
  public static double[] relaxStreams(int n, int steps) {
    double[] u = new double[n];
    IntStream.range(0, n).parallel().forEach(i -> u[i] = (i % 1000) * 0.001);
    double[] v = u.clone();
    double[] from = u;
    double[] to = v;
    for (int t = 0; t < steps; t++) {
      double[] f = from;
      double[] g = to;
      IntStream.range(1, n - 1).parallel().forEach(i -> g[i] = (f[i - 1] + f[i] + f[i + 1]) * (1.0 / 3));
      from = g;
      to = f;
    }
    double[] last = from;
    return new double[] {IntStream.range(0, n).parallel().mapToDouble(i -> last[i]).sum(), last[n / 2]};
  }

  @Override
  public String id() {
    return "jacobi1d";
  }

  @Override
  public String title(Scale scale) {
    return String.format("1-D Jacobi stencil, %,d points x %d steps", points(scale), STEPS);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    return relax(points(scale), STEPS);
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return relaxStreams(points(scale), STEPS);
  }
}
