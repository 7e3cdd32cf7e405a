package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * A conjugate-gradient solve driven by a plain-Java loop, as an iterative solver is written: the
 * matrix (CSR, symmetric and diagonally dominant, a band of {@code 2 * HALF_BAND + 1} entries per
 * row) is built once, then every iteration calls the {@code @Jit} sparse matrix–vector product with
 * the same matrix and does the vector updates itself. With Parjit the product is parallel over rows
 * (the row pointer read through a halo, the vector sent whole) and the matrix stays on the workers
 * between calls (resident inputs), so an iteration moves only the vector and the product.
 */
public final class ConjugateGradientWorkload implements Workload {

  static final int HALF_BAND = 100;

  static int rows(Scale scale) {
    return scale.pick(20_000, 5_000); // 20,000 rows x 201 entries: about 4M nonzeros
  }

  static int iterations(Scale scale) {
    return 30;
  }

  /** The matrix in CSR form: {@code {rowptr, col}} as ints and {@code val} as doubles. */
  static Object[] matrix(int n) {
    int[] rowptr = new int[n + 1];
    for (int i = 0; i < n; i++) {
      rowptr[i + 1] = rowptr[i] + Math.min(n - 1, i + HALF_BAND) - Math.max(0, i - HALF_BAND) + 1;
    }
    int[] col = new int[rowptr[n]];
    double[] val = new double[rowptr[n]];
    for (int i = 0; i < n; i++) {
      int k = rowptr[i];
      double off = 0;
      for (int j = Math.max(0, i - HALF_BAND); j <= Math.min(n - 1, i + HALF_BAND); j++) {
        col[k] = j;
        if (j != i) {
          val[k] = -1.0 / (1 + Math.abs(i - j) + (i + j) % 3);
          off += Math.abs(val[k]);
        }
        k++;
      }
      val[rowptr[i] + i - Math.max(0, i - HALF_BAND)] = off + 1;
    }
    return new Object[] {rowptr, col, val};
  }

  /** The kernel: {@code y = A x} for a CSR matrix, one row per iteration of the outer loop. */
  @Jit
  public static double[] multiply(int[] rowptr, int[] col, double[] val, double[] x) {
    int n = rowptr.length - 1;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = rowptr[i]; k < rowptr[i + 1]; k++) {
        s += val[k] * x[col[k]];
      }
      y[i] = s;
    }
    return y;
  }

  /** The single-JVM peer of {@link #multiply}: rows in a parallel stream. */
  static double[] multiplyStreams(int[] rowptr, int[] col, double[] val, double[] x) {
    double[] y = new double[rowptr.length - 1];
    IntStream.range(0, y.length).parallel().forEach(i -> {
      double s = 0;
      for (int k = rowptr[i]; k < rowptr[i + 1]; k++) {
        s += val[k] * x[col[k]];
      }
      y[i] = s;
    });
    return y;
  }

  private interface Product {
    double[] apply(int[] rowptr, int[] col, double[] val, double[] x);
  }

  /** CG from x = 0 for b = (1, 2, 3, ...) mod 7: a fixed number of iterations; digest |r|^2 and sum(x). */
  static double[] solve(Object[] m, int iterations, Product product) {
    int[] rowptr = (int[]) m[0];
    int[] col = (int[]) m[1];
    double[] val = (double[]) m[2];
    int n = rowptr.length - 1;
    double[] x = new double[n];
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = 1 + i % 7;
    }
    double[] p = r.clone();
    double rr = dot(r, r);
    for (int it = 0; it < iterations && rr > 0; it++) {
      double[] ap = product.apply(rowptr, col, val, p);
      double alpha = rr / dot(p, ap);
      for (int i = 0; i < n; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * ap[i];
      }
      double next = dot(r, r);
      double beta = next / rr;
      rr = next;
      for (int i = 0; i < n; i++) {
        p[i] = r[i] + beta * p[i];
      }
    }
    return new double[] {rr, dot(x, x)};
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private Object[] matrix;

  private Object[] matrix(Scale scale) {
    if (matrix == null) {
      matrix = matrix(rows(scale));
    }
    return matrix;
  }

  @Override
  public String id() {
    return "cg";
  }

  @Override
  public String title(Scale scale) {
    Object[] m = matrix(scale);
    return String.format("conjugate gradient, CSR %,d rows, %,d nonzeros, %d iterations", rows(scale),
        ((int[]) m[1]).length, iterations(scale));
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    return solve(matrix(scale), iterations(scale), ConjugateGradientWorkload::multiply);
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return solve(matrix(scale), iterations(scale), ConjugateGradientWorkload::multiplyStreams);
  }

  @Override
  public double tolerance() {
    return 1e-6; // the product's sums are the same per row, but CG amplifies last-digit differences
  }
}
