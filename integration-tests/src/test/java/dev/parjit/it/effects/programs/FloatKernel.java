package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A float array halved in place and its float sum returned: float tolerance on the sum. */
public final class FloatKernel implements EffectsProgram {

  @Jit
  static float sumAndHalve(float[] x) {
    float s = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] *= 0.5f;
      s += x[i];
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i * 37 % 23) * 0.75f - 5;
    }
    s.put("sum", sumAndHalve(x));
    s.put("x", x);
  }
}
