package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Traps: coefficients stored by row where an iteration sees another's work: a running value read
 * back from the row it writes, and a helper that counts its calls in a field.
 */
public final class TrapCoefficientRows implements EffectsProgram {

  private double[][] c;
  private int terms;
  private int calls;

  private double counted(int i) {
    calls++;
    return i * 0.5 + calls;
  }

  /** Reads the element the previous iteration wrote into the same row. */
  @Jit
  void running() {
    for (int i = 1; i < terms; i++) {
      c[0][i] = c[0][i - 1] * 0.5 + i;
      c[1][i] = i;
    }
  }

  /** Its helper writes a field of this on every call. */
  @Jit
  void counting() {
    for (int i = 0; i < terms; i++) {
      c[0][i] = counted(i);
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    terms = n;
    c = new double[2][n];
    running();
    s.put("running", c);
    c = new double[2][n];
    calls = 0;
    counting();
    s.put("counting", c);
    s.put("calls", calls);
  }
}
