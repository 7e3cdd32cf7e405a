package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** An in-place inclusive prefix sum: a loop-carried dependence, nothing parallel, argument written. */
public final class PrefixSum implements EffectsProgram {

  @Jit
  static void prefix(long[] a) {
    for (int i = 1; i < a.length; i++) {
      a[i] += a[i - 1];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = i % 5 - 1;
    }
    prefix(a);
    s.put("a", a);
  }
}
