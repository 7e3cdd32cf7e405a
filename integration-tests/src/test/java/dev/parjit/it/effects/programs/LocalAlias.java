package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Writes a parameter through a local alias {@code double[] b = a}: a plain map (parallel, the writes
 * must reach the caller) and a mirrored update whose loop carries a dependence through the alias.
 */
public final class LocalAlias implements EffectsProgram {

  @Jit
  static void tripleViaAlias(double[] a) {
    double[] b = a;
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i] * 3 + 1;
    }
  }

  @Jit
  static void mirrorViaAlias(double[] a) {
    double[] b = a;
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i] + 2 * a[a.length - 1 - i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 7);
    tripleViaAlias(a);
    s.put("tripled", a);
    mirrorViaAlias(a);
    s.put("mirrored", a);
  }
}
