package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * A 1-D Jacobi stencil, written as sequential Java writes it: two buffers, a time-step loop around
 * a sweep {@code v[i] = (u[i-1] + u[i] + u[i+1]) / 3} over the interior, then the buffers swapped.
 * With Parjit the sweep is parallel, the buffers stay distributed across steps and only the halos
 * (one element on each side) travel between ranks per step. The digest is the sum and an
 * index-weighted sum of the final values.
 */
public final class JacobiWorkload implements Workload {

  static int points(Scale scale) {
    return scale.pick(10_000_000, 2_000_000);
  }

  static int steps(Scale scale) {
    return 50;
  }

  /** The kernel: {@code steps} sweeps over {@code n} points; the boundary values never change. */
  @Jit
  public static double[] jacobi(int n, int steps) {
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = (i % 1000) * 0.001 + (i % 7 == 0 ? 1 : 0);
      v[i] = u[i];
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < n - 1; i++) {
        v[i] = (u[i - 1] + u[i] + u[i + 1]) / 3;
      }
      double[] tmp = u;
      u = v;
      v = tmp;
    }
    double sum = 0;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      sum += u[i];
      weighted += u[i] * (i % 17);
    }
    double[] digest = new double[2];
    digest[0] = sum;
    digest[1] = weighted;
    return digest;
  }

  /** The single-JVM peer: the same sweeps with parallel streams. */
  public static double[] jacobiStreams(int n, int steps) {
    double[] u0 = new double[n];
    double[] v0 = new double[n];
    IntStream.range(0, n).parallel().forEach(i -> {
      u0[i] = (i % 1000) * 0.001 + (i % 7 == 0 ? 1 : 0);
      v0[i] = u0[i];
    });
    double[] u = u0;
    double[] v = v0;
    for (int t = 0; t < steps; t++) {
      double[] from = u;
      double[] to = v;
      IntStream.range(1, Math.max(1, n - 1)).parallel().forEach(i -> to[i] = (from[i - 1] + from[i] + from[i + 1]) / 3);
      u = to;
      v = from;
    }
    double[] last = u;
    double sum = IntStream.range(0, n).parallel().mapToDouble(i -> last[i]).sum();
    double weighted = IntStream.range(0, n).parallel().mapToDouble(i -> last[i] * (i % 17)).sum();
    return new double[] {sum, weighted};
  }

  @Override
  public String id() {
    return "jacobi";
  }

  @Override
  public String title(Scale scale) {
    return String.format("1-D Jacobi stencil, %,d points x %d steps", points(scale), steps(scale));
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    return jacobi(points(scale), steps(scale));
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return jacobiStreams(points(scale), steps(scale));
  }
}
