package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** {@code y += alpha * x} as an instance method over its arguments, plus a float variant. */
public final class Saxpy implements EffectsProgram {

  @Jit
  void axpy(double alpha, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  @Jit
  float[] scaledCopy(float[] x, float alpha) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = alpha * x[i] + 1f;
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] x = Data.doubles(n, 5);
    double[] y = Data.doubles(n, 6);
    axpy(0.75, x, y);
    s.put("y", y);
    s.put("x", x);
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) x[i];
    }
    s.put("scaledCopy", scaledCopy(f, 1.25f));
    s.put("f", f);
  }
}
