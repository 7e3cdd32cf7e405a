package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Trap: a linear congruential sequence in a field array, each element from the previous one. */
public final class TrapRecurrence implements EffectsProgram {

  private long[] sequence;
  private long seed = 42;

  @Jit
  void generate() {
    long x = seed;
    for (int i = 0; i < sequence.length; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      sequence[i] = x >>> 33;
    }
    seed = x;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    seed = 42 + n;
    sequence = new long[n];
    generate();
    s.put("sequence", sequence);
    s.put("seed", seed);
  }
}
