package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;
import java.util.Arrays;

/** Fills its parameter and returns it: the caller must get back the very same array, filled. */
public final class FillAndReturn implements EffectsProgram {

  @Jit
  static int[] fillAndReturn(int[] c) {
    for (int i = 0; i < c.length; i++) {
      c[i] = i * i - 3;
    }
    return c;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] c = new int[n];
    Arrays.fill(c, 5);
    int[] r = fillAndReturn(c);
    s.put("same", c == r);
    s.put("c", c);
    s.put("returned", r);
  }
}
