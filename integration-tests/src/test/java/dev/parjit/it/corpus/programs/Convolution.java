package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A 1-D convolution with a filter in a field: {@code y[i] = Σ w[k] x[i + k]}, the valid part only. */
public final class Convolution implements EffectsProgram {

  private final double[] weights = {0.25, 0.5, 0.125, 0.125};

  @Jit
  double[] filter(double[] x) {
    int m = weights.length;
    int outLen = Math.max(0, x.length - m + 1);
    double[] y = new double[outLen];
    for (int i = 0; i < outLen; i++) {
      double s = 0;
      for (int k = 0; k < m; k++) {
        s += weights[k] * x[i + k];
      }
      y[i] = s;
    }
    return y;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] x = Data.doubles(n, 44);
    s.put("filter", filter(x));
    s.put("x", x);
    s.put("weights", weights);
  }
}
