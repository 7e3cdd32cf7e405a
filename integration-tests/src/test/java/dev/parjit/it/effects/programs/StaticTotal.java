package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Accumulates into a static ({@code total += a[i]}) and counts calls in another: writes to statics. */
public final class StaticTotal implements EffectsProgram {

  static double total;
  static int calls;

  @Jit
  static void accumulate(double[] a) {
    calls++;
    for (int i = 0; i < a.length; i++) {
      total += a[i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    total = 10;
    calls = 0;
    double[] a = Data.doubles(n, 10);
    accumulate(a);
    s.put("total1", total);
    accumulate(a);
    s.put("total2", total);
    s.put("calls", calls);
    s.put("a", a);
  }
}
