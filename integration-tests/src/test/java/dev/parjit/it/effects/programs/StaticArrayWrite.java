package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A parallel-looking loop writing into an array reached through a static field, not a parameter. */
public final class StaticArrayWrite implements EffectsProgram {

  static double[] buffer;

  @Jit
  static void fillBuffer(int n) {
    for (int i = 0; i < n; i++) {
      buffer[i] = i * 1.5;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    buffer = Data.filled(n + 1, -1);
    fillBuffer(n);
    s.put("buffer", buffer);
  }
}
