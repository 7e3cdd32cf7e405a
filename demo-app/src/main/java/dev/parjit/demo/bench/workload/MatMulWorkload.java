package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * A dense matrix product of two 700×700 {@code double[][]} matrices, written the textbook way (i, j,
 * k loops). The rows of {@code a} and of the result are distributed (each worker receives its block
 * of rows of {@code a}); {@code b} is read at the inner index and sent whole.
 */
public final class MatMulWorkload implements Workload {

  static int size(Scale scale) {
    return scale == Scale.QUICK ? 300 : 700;
  }

  /** The kernel: {@code c = a × b}. */
  @Jit
  public static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int m = b[0].length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int k = 0; k < b.length; k++) {
          s += a[i][k] * b[k][j];
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  /** The single-JVM peer: the same loops with the rows of {@code c} in a parallel stream. */
  static double[][] multiplyStreams(double[][] a, double[][] b) {
    int m = b[0].length;
    double[][] c = new double[a.length][];
    IntStream.range(0, a.length).parallel().forEach(i -> {
      double[] row = new double[m];
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int k = 0; k < b.length; k++) {
          s += a[i][k] * b[k][j];
        }
        row[j] = s;
      }
      c[i] = row;
    });
    return c;
  }

  private double[][] a;
  private double[][] b;

  private void inputs(int n) {
    if (a == null) {
      a = new double[n][n];
      b = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a[i][j] = ParquetData.uniform((long) i * n + j, 31) - 0.5;
          b[i][j] = ParquetData.uniform((long) i * n + j, 32) - 0.5;
        }
      }
    }
  }

  /** Sum, sum of squares and the corners: enough to tell products apart. */
  private static double[] digest(double[][] c) {
    double s = 0;
    double q = 0;
    for (double[] row : c) {
      for (double v : row) {
        s += v;
        q += v * v;
      }
    }
    int n = c.length;
    return new double[] {s, q, c[0][0], c[n - 1][c[n - 1].length - 1]};
  }

  @Override
  public String id() {
    return "matmul";
  }

  @Override
  public String title(Scale scale) {
    return String.format("dense matrix product, %d×%d double[][]", size(scale), size(scale));
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    inputs(size(scale));
    return digest(multiply(a, b));
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    inputs(size(scale));
    return digest(multiplyStreams(a, b));
  }
}
