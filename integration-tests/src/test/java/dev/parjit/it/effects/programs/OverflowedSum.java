package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Floating sums and products whose running value overflows part-way: {@code 1e308}s then as many
 * {@code -1e308}s stay at {@code Infinity} sequentially, while two ranks' partials are {@code Infinity}
 * and {@code -Infinity} and combine to {@code NaN} (a product of {@code 1e200}s then {@code 1e-200}s
 * likewise, and a float sum, and bins of an array reduction). In spawn mode such a call now fails on
 * the workers and reruns on the driver, which gives the sequential value. SPMD mode has no driver and
 * keeps the README's documented difference: {@link dev.parjit.it.effects.EffectsDifferentialTest}
 * checks this program's state there with one rank only.
 */
public final class OverflowedSum implements EffectsProgram {

  @Jit
  static double sum(double[] a) {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      t += a[i];
    }
    return t;
  }

  @Jit
  static double product(double[] a) {
    double p = 1;
    for (int i = 0; i < a.length; i++) {
      p *= a[i];
    }
    return p;
  }

  @Jit
  static float floatSum(float[] a) {
    float t = 0;
    for (int i = 0; i < a.length; i++) {
      t += a[i];
    }
    return t;
  }

  @Jit
  static void binTotals(double[] a, int[] bin, double[] totals) {
    for (int i = 0; i < a.length; i++) {
      totals[bin[i]] += a[i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] finite = Data.doubles(n, 95);
    s.put("finiteSum", sum(finite)); // the usual case: combined on the workers
    double[] up = new double[n];
    double[] grow = new double[n];
    float[] upF = new float[n];
    int[] bin = new int[n];
    for (int i = 0; i < n; i++) {
      boolean first = i < n / 2;
      up[i] = first ? 1e308 : -1e308;
      grow[i] = first ? 1e200 : 1e-200;
      upF[i] = first ? 3e38f : -3e38f;
      bin[i] = i % 2;
    }
    s.put("sum", sum(up));
    s.put("product", product(grow));
    s.put("floatSum", floatSum(upF));
    double[] totals = {1, 2};
    double[] byPairs = new double[n];
    for (int i = 0; i < n; i++) {
      byPairs[i] = i < n / 2 ? 1e308 : -1e308;
    }
    binTotals(byPairs, bin, totals);
    s.put("totals", totals);
    s.put("up", up);
  }
}
