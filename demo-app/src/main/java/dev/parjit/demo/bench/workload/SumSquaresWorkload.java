package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;
import java.util.Arrays;

/** Sum of squares over an array made inside the {@code @Jit} method (the README's example). */
public final class SumSquaresWorkload implements Workload {

  static int length(Scale scale) {
    return scale.pick(100_000_000, 20_000_000);
  }

  /** The kernel: the array is 1D_Block under Parjit, each rank allocating and filling its block. */
  @Jit
  public static double sumOfSquares(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.5;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i] * x[i];
    }
    return s;
  }

  /** The single-JVM peer: the same array filled and reduced with parallel streams. */
  public static double sumOfSquaresStreams(int n) {
    double[] x = new double[n];
    Arrays.parallelSetAll(x, i -> i * 0.5);
    return Arrays.stream(x).parallel().map(v -> v * v).reduce(0, Double::sum);
  }

  @Override
  public String id() {
    return "sumsq";
  }

  @Override
  public String title(Scale scale) {
    return String.format("sum of squares, %,d doubles made inside @Jit", length(scale));
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    return new double[] {sumOfSquares(length(scale))};
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return new double[] {sumOfSquaresStreams(length(scale))};
  }
}
