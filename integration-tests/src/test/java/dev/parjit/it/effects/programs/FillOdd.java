package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;
import java.util.Arrays;

/** Overwrites every element of a long[] parameter: {@code b[i] = 2i+1}, over the caller's -7s. */
public final class FillOdd implements EffectsProgram {

  @Jit
  static void fill(long[] b) {
    for (int i = 0; i < b.length; i++) {
      b[i] = 2L * i + 1;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    long[] b = new long[n];
    Arrays.fill(b, -7);
    fill(b);
    s.put("b", b);
  }
}
