package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Dense matrix product of two {@code double[][]} matrices (700 × 700), written as sequential Java
 * writes it: row by row, the i-k-j order, a fresh result. The inputs are made once per JVM from
 * their indices.
 */
public final class MatMul2DWorkload implements Workload {

  static int size(Scale scale) {
    return scale.pick(700, 400);
  }

  /** The kernel: rows of {@code c} from rows of {@code a} and the whole of {@code b}. */
  @Jit
  public static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int m = b.length == 0 ? 0 : b[0].length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++) {
      double[] ai = a[i];
      double[] ci = c[i];
      for (int k = 0; k < b.length; k++) {
        double aik = ai[k];
        double[] bk = b[k];
        for (int j = 0; j < m; j++) {
          ci[j] += aik * bk[j];
        }
      }
    }
    return c;
  }

  /** The single-JVM peer: the same rows computed by a parallel stream. */
  public static double[][] multiplyStreams(double[][] a, double[][] b) {
    int m = b.length == 0 ? 0 : b[0].length;
    double[][] c = new double[a.length][];
    IntStream.range(0, a.length).parallel().forEach(i -> {
      double[] ci = new double[m];
      for (int k = 0; k < b.length; k++) {
        double aik = a[i][k];
        double[] bk = b[k];
        for (int j = 0; j < m; j++) {
          ci[j] += aik * bk[j];
        }
      }
      c[i] = ci;
    });
    return c;
  }

  static double[][] matrix(int n, long seed) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = ParquetData.uniform((long) i * n + j, seed) - 0.5;
      }
    }
    return m;
  }

  /** Sum, trace and a corner: any misplaced row changes them. */
  static double[] digest(double[][] c) {
    double sum = 0;
    double trace = 0;
    for (int i = 0; i < c.length; i++) {
      for (double v : c[i]) {
        sum += v;
      }
      trace += c[i][i];
    }
    return new double[] {sum, trace, c.length == 0 ? 0 : c[c.length - 1][0]};
  }

  private double[][][] inputs;

  private double[][][] inputs(Scale scale) {
    if (inputs == null) {
      inputs = new double[][][] {matrix(size(scale), 31), matrix(size(scale), 32)};
    }
    return inputs;
  }

  @Override
  public String id() {
    return "matmul2d";
  }

  @Override
  public String title(Scale scale) {
    return String.format("dense matrix product, double[][] %d x %d", size(scale), size(scale));
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    double[][][] in = inputs(scale);
    return digest(multiply(in[0], in[1]));
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    double[][][] in = inputs(scale);
    return digest(multiplyStreams(in[0], in[1]));
  }
}
