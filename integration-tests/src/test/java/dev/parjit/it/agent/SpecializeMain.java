package dev.parjit.it.agent;

import dev.parjit.Jit;
import dev.parjit.Parjit;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import java.util.Map;

/**
 * Specialization by argument distribution (issue 7): {@link #total} is called with a local frame
 * (scattered in blocks), then with a lazy result (already split, 1D_Var), then with the local frame
 * again; {@link #scaledSum} calls {@link #weightedSum} with a whole array and with its own
 * distributed array. Arguments: the sizes to run, each printed with its answers. Without the agent
 * the same program prints the sequential answers.
 */
public final class SpecializeMain {

  private SpecializeMain() { }

  @Jit
  public static DataFrame make(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i % 7) * 0.5 + 1;
    }
    return DataFrame.of("x", x);
  }

  /** A row loop over a frame's column: parallel whichever way the frame arrives. */
  @Jit
  public static double total(DataFrame df) {
    Series x = df.column("x");
    double s = 0;
    for (int i = 0; i < df.numRows(); i++) {
      s += x.getDouble(i) * x.getDouble(i);
    }
    return s;
  }

  @Jit
  public static double weightedSum(double[] a, double w) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * w;
    }
    return s;
  }

  /** Named replicated: the driver sends the whole array to every worker, which sums its iterations. */
  @Jit(replicated = {"a"})
  public static double replicatedSum(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * a[i];
    }
    return s;
  }

  /** Calls {@link #weightedSum} with an array it made distributed, and with a replicated one. */
  @Jit
  public static double scaledSum(int n) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 11;
    }
    double[] small = {1, 2, 3}; // read at constant indexes: replicated
    small[0] += n;
    return weightedSum(y, 2.0) + weightedSum(small, 1.0);
  }

  public static void main(String[] args) {
    boolean first = true;
    for (String arg : args) {
      int n = Integer.parseInt(arg);
      double[] xs = new double[n];
      for (int i = 0; i < n; i++) {
        xs[i] = (i % 7) * 0.5 + 1;
      }
      DataFrame local = DataFrame.of("x", xs);
      System.out.println("N " + n + " LOCAL " + total(local));
      DataFrame lazy = make(n);
      System.out.println("N " + n + " LAZY " + total(lazy));
      System.out.println("N " + n + " LOCAL " + total(local));
      if (first) {
        Map<String, Long> s = Parjit.stats();
        System.out.println("STATS compiled " + s.get("workerSpecializations") + " reused "
            + s.get("workerSpecializationReuses"));
        first = false;
      }
      System.out.println("N " + n + " WEIGHTED " + weightedSum(xs, 3.0));
      System.out.println("N " + n + " SCALED " + scaledSum(n));
      System.out.println("N " + n + " REPLICATED " + replicatedSum(xs));
    }
  }
}
