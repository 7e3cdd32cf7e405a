package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;

/**
 * The {@code cg} solve with its iteration loop inside one {@code @Jit} method, as a Bodo user
 * writes it: the same 5-point Laplacian, right-hand side, iteration count and answer
 * ({|r|², sum x, x[0]}) as {@link ConjugateGradientWorkload}, but the vectors are local arrays of the
 * method, so they can stay split across the iterations instead of coming back to the caller after
 * every kernel.
 */
public final class ConjugateGradientJitWorkload implements Workload {

  /**
   * {@code iterations} CG steps from x = 0 for A x = b (A in CSR form); returns {|r|², sum x, x[0]}.
   * Plain Java: the sparse product, the dot products and the updates written inline.
   */
  @Jit
  public static double[] solve(int[] rowPtr, int[] colIdx, double[] values, double[] b, int iterations) {
    int n = b.length;
    double[] x = new double[n];
    double[] r = new double[n];
    double[] p = new double[n];
    double[] ap = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = b[i];
      p[i] = b[i];
    }
    double rr = 0;
    for (int i = 0; i < n; i++) {
      rr += r[i] * r[i];
    }
    for (int it = 0; it < iterations && rr > 0; it++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          s += values[k] * p[colIdx[k]];
        }
        ap[i] = s;
      }
      double pap = 0;
      for (int i = 0; i < n; i++) {
        pap += p[i] * ap[i];
      }
      double alpha = rr / pap;
      double next = 0;
      for (int i = 0; i < n; i++) {
        x[i] += alpha * p[i];
        r[i] -= alpha * ap[i];
        next += r[i] * r[i];
      }
      double beta = next / rr;
      for (int i = 0; i < n; i++) {
        p[i] = r[i] + beta * p[i];
      }
      rr = next;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += x[i];
    }
    return new double[] {rr, sum, x[0]};
  }

  private final ConjugateGradientWorkload inputs = new ConjugateGradientWorkload();

  @Override
  public String id() {
    return "cg-jit";
  }

  @Override
  public String title(Scale scale) {
    return inputs.title(scale).replace("conjugate gradients", "conjugate gradients, solver loop in @Jit");
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    ConjugateGradientWorkload.Csr m = inputs.matrix(scale);
    return solve(m.rowPtr(), m.colIdx(), m.values(), inputs.rhs(scale), ConjugateGradientWorkload.ITERATIONS);
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return inputs.runStreams(scale, dataDir);
  }

  @Override
  public double tolerance() {
    return inputs.tolerance();
  }
}
