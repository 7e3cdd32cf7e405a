package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A static double[] lookup table set by the caller, then changed in place between two calls. */
public final class StaticTable implements EffectsProgram {

  static double[] table;

  @Jit
  static double[] lookup(int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = table[idx[i] % table.length] * 2;
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    table = new double[] {0.5, 1.5, 2.5, 3.5, 4.5 + n};
    int[] idx = Data.ints(n, 9);
    s.put("first", lookup(idx));
    table[2] = 100;
    s.put("second", lookup(idx));
    table = new double[] {-1, -2, -3};
    s.put("third", lookup(idx));
    s.put("table", table);
  }
}
