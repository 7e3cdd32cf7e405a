package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Trap: in-place prefix sums over a field array, starting at 1 ({@code a[i] += a[i - 1]}). */
public final class TrapPrefixSums implements EffectsProgram {

  private long[] totals;

  @Jit
  void accumulate() {
    for (int i = 1; i < totals.length; i++) {
      totals[i] += totals[i - 1];
    }
  }

  @Jit
  static void runningMax(double[] a) {
    for (int i = 1; i < a.length; i++) {
      a[i] = Math.max(a[i], a[i - 1]);
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] v = Data.ints(n, 101);
    totals = new long[n];
    for (int i = 0; i < n; i++) {
      totals[i] = v[i];
    }
    accumulate();
    s.put("totals", totals);
    double[] a = Data.doubles(n, 102);
    runningMax(a);
    s.put("runningMax", a);
  }
}
