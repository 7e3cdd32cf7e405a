package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Conjugate gradients on a CSR matrix: the 5-point Laplacian of a 900 × 900 grid (810,000 rows,
 * about 4M nonzeros), a fixed number of iterations driven by a plain-Java loop that calls
 * {@code @Jit} kernels for the sparse product, the dot products and the vector updates, as an
 * iterative solver is written. The matrix is built once per JVM and passed unchanged to every call.
 */
public final class ConjugateGradientWorkload implements Workload {

  static final int ITERATIONS = 20;

  static int grid(Scale scale) {
    return scale.pick(900, 400);
  }

  /** y = A x over the CSR rows. */
  @Jit
  public static void multiply(int[] rowPtr, int[] colIdx, double[] values, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      double s = 0;
      for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        s += values[k] * x[colIdx[k]];
      }
      y[i] = s;
    }
  }

  @Jit
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** y += alpha x. */
  @Jit
  public static void axpy(double alpha, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  /** y = x + beta y. */
  @Jit
  public static void xpby(double[] x, double beta, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i] + beta * y[i];
    }
  }

  /** The CSR form of the 5-point Laplacian (4 on the diagonal, -1 to each grid neighbour). */
  record Csr(int[] rowPtr, int[] colIdx, double[] values) { }

  static Csr laplacian(int g) {
    int n = g * g;
    int[] rowPtr = new int[n + 1];
    int[] colIdx = new int[5 * n];
    double[] values = new double[5 * n];
    int nnz = 0;
    for (int r = 0; r < g; r++) {
      for (int c = 0; c < g; c++) {
        int i = r * g + c;
        if (r > 0) {
          colIdx[nnz] = i - g;
          values[nnz++] = -1;
        }
        if (c > 0) {
          colIdx[nnz] = i - 1;
          values[nnz++] = -1;
        }
        colIdx[nnz] = i;
        values[nnz++] = 4;
        if (c < g - 1) {
          colIdx[nnz] = i + 1;
          values[nnz++] = -1;
        }
        if (r < g - 1) {
          colIdx[nnz] = i + g;
          values[nnz++] = -1;
        }
        rowPtr[i + 1] = nnz;
      }
    }
    return new Csr(rowPtr, java.util.Arrays.copyOf(colIdx, nnz), java.util.Arrays.copyOf(values, nnz));
  }

  /** The kernels a solver calls, so the plain-Java iteration is written once for both engines. */
  interface Kernels {
    void multiply(double[] x, double[] y);

    double dot(double[] a, double[] b);

    void axpy(double alpha, double[] x, double[] y);

    void xpby(double[] x, double beta, double[] y);
  }

  /** {@link #ITERATIONS} CG steps from x = 0 for A x = b; returns {|r|², sum x, x[0]}. */
  static double[] solve(Kernels k, double[] b) {
    int n = b.length;
    double[] x = new double[n];
    double[] r = b.clone();
    double[] p = b.clone();
    double[] ap = new double[n];
    double rr = k.dot(r, r);
    for (int it = 0; it < ITERATIONS && rr > 0; it++) {
      k.multiply(p, ap);
      double alpha = rr / k.dot(p, ap);
      k.axpy(alpha, p, x);
      k.axpy(-alpha, ap, r);
      double next = k.dot(r, r);
      k.xpby(r, next / rr, p);
      rr = next;
    }
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return new double[] {rr, sum, x[0]};
  }

  private Csr matrix;
  private double[] rhs;

  private void inputs(Scale scale) {
    if (matrix == null) {
      matrix = laplacian(grid(scale));
      int n = matrix.rowPtr().length - 1;
      rhs = new double[n];
      for (int i = 0; i < n; i++) {
        rhs[i] = ParquetData.uniform(i, 41);
      }
    }
  }

  /** The matrix, built once per JVM (shared with {@link ConjugateGradientJitWorkload}). */
  Csr matrix(Scale scale) {
    inputs(scale);
    return matrix;
  }

  /** The right-hand side b. */
  double[] rhs(Scale scale) {
    inputs(scale);
    return rhs;
  }

  @Override
  public String id() {
    return "cg";
  }

  @Override
  public String title(Scale scale) {
    inputs(scale);
    return String.format("conjugate gradients, CSR %,d rows, %,d nonzeros, %d iterations", rhs.length,
        matrix.values().length, ITERATIONS);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    inputs(scale);
    Csr m = matrix;
    return solve(new Kernels() {
      @Override
      public void multiply(double[] x, double[] y) {
        ConjugateGradientWorkload.multiply(m.rowPtr(), m.colIdx(), m.values(), x, y);
      }

      @Override
      public double dot(double[] a, double[] b) {
        return ConjugateGradientWorkload.dot(a, b);
      }

      @Override
      public void axpy(double alpha, double[] x, double[] y) {
        ConjugateGradientWorkload.axpy(alpha, x, y);
      }

      @Override
      public void xpby(double[] x, double beta, double[] y) {
        ConjugateGradientWorkload.xpby(x, beta, y);
      }
    }, rhs);
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    inputs(scale);
    Csr m = matrix;
    return solve(new Kernels() {
      @Override
      public void multiply(double[] x, double[] y) {
        IntStream.range(0, y.length).parallel().forEach(i -> {
          double s = 0;
          for (int k = m.rowPtr()[i]; k < m.rowPtr()[i + 1]; k++) {
            s += m.values()[k] * x[m.colIdx()[k]];
          }
          y[i] = s;
        });
      }

      @Override
      public double dot(double[] a, double[] b) {
        return IntStream.range(0, a.length).parallel().mapToDouble(i -> a[i] * b[i]).sum();
      }

      @Override
      public void axpy(double alpha, double[] x, double[] y) {
        IntStream.range(0, y.length).parallel().forEach(i -> y[i] += alpha * x[i]);
      }

      @Override
      public void xpby(double[] x, double beta, double[] y) {
        IntStream.range(0, y.length).parallel().forEach(i -> y[i] = x[i] + beta * y[i]);
      }
    }, rhs);
  }

  @Override
  public double tolerance() {
    // Dot products add in a different order on each engine; 20 iterations amplify that a little.
    return 1e-6;
  }
}
