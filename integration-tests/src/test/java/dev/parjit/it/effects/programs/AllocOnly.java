package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A kernel whose only effect is an array it allocates and returns. */
public final class AllocOnly implements EffectsProgram {

  @Jit
  static long[] squares(int n) {
    long[] r = new long[n];
    for (int i = 0; i < n; i++) {
      r[i] = (long) i * i - n;
    }
    return r;
  }

  @Override
  public void run(int n) {
    new State(this, n).put("squares", squares(n));
  }
}
