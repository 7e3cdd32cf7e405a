package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A kernel reading a system property through {@code Integer.getInteger}, which the program sets while
 * it runs: workers started earlier, or started with the properties of another moment, would weigh
 * with their own value.
 */
public final class PropertyWeight implements EffectsProgram {

  static final String KEY = "parjit.effects.weight";

  @Jit
  static double weigh(double[] a) {
    double s = 0;
    int k = Integer.getInteger(KEY, 1);
    for (int i = 0; i < a.length; i++) {
      s += a[i] * k;
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    System.setProperty(KEY, Integer.toString(2 + n % 3));
    s.put("weight", weigh(Data.doubles(n, 16)));
  }
}
