package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Fresh {@code char[]} and {@code short[]} arrays filled by a parallel loop and returned. In SPMD
 * mode the return is gathered whole on every rank, and the rewritten code called a
 * {@code replicate(char[])} the runtime did not have: every call failed with NoSuchMethodError.
 */
public final class NarrowArrays implements EffectsProgram {

  @Jit
  static char[] letters(int n) {
    char[] r = new char[n];
    for (int i = 0; i < n; i++) {
      r[i] = (char) ('a' + i % 26);
    }
    return r;
  }

  @Jit
  static short[] steps(int n) {
    short[] r = new short[n];
    for (int i = 0; i < n; i++) {
      r[i] = (short) (i * 1000 - 30000);
    }
    return r;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    s.put("letters", new String(letters(n)));
    s.put("steps", java.util.Arrays.toString(steps(n)));
  }
}
