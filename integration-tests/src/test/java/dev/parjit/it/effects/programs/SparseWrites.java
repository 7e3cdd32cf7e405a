package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Writes only some elements (a stride-2 loop over the interior, a conditional clamp): writing
 * back must keep every element the kernel did not write.
 */
public final class SparseWrites implements EffectsProgram {

  @Jit
  static void negateOdd(int[] a) {
    for (int i = 1; i < a.length - 1; i += 2) {
      a[i] = -a[i];
    }
  }

  @Jit
  static void clampNegatives(int[] a) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0) {
        a[i] = 0;
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] a = Data.ints(n, 30);
    negateOdd(a);
    s.put("negated", a);
    int[] b = Data.signedInts(n, 31);
    clampNegatives(b);
    s.put("clamped", b);
  }
}
