package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;
import java.util.Random;

/**
 * Trap: a {@code java.util.Random} in a field drawn from in the loop. The sequence depends on the
 * order of the draws, and the generator's state after the call is part of the caller's state.
 */
public final class TrapSharedRandom implements EffectsProgram {

  private Random random;

  @Jit
  double[] jitter(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + random.nextInt(100);
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    random = new Random(1234 + n);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    s.put("jitter", jitter(a));
    s.put("nextAfter", random.nextLong());
    s.put("a", a);
  }
}
