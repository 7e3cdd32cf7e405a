package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Instance methods over fields, as benchmark-style Java writes them: coefficients in a final field,
 * a scale in a mutable one changed between calls, a private helper, the loop bounded by a field's
 * length. Shipped with the fields they read; the caller's arrays and fields as without the agent.
 */
public final class InstanceSeries implements EffectsProgram {

  private double[] coefficients;
  private double scale = 1.5;

  @Jit
  double series(double x) {
    double s = 0;
    for (int i = 0; i < coefficients.length; i++) {
      s += term(i, x);
    }
    return s;
  }

  private double term(int i, double x) {
    return coefficients[i] * Math.cos(i * x) * scale;
  }

  @Jit
  void fill(double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = coefficients.length == 0 ? -scale : coefficients[i % coefficients.length] * scale + i;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    coefficients = Data.doubles(n, 21);
    scale = 1.5;
    s.put("series", series(0.25));
    scale = -2;
    s.put("series2", series(0.25));
    double[] out = new double[n + 1];
    fill(out);
    s.put("out", out);
    s.put("coefficients", coefficients);
    s.put("scale", scale);
  }
}
