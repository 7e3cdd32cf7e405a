package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Writes a boolean[] parameter (a mask) and counts it: booleans written back, count reduced. */
public final class BooleanMask implements EffectsProgram {

  @Jit
  static int mark(double[] a, boolean[] mask) {
    int count = 0;
    for (int i = 0; i < a.length; i++) {
      mask[i] = a[i] > 0;
      if (mask[i]) {
        count++;
      }
    }
    return count;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 32);
    boolean[] mask = new boolean[n];
    s.put("count", mark(a, mask));
    s.put("mask", mask);
  }
}
