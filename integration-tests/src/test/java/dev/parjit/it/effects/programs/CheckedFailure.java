package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A custom checked exception thrown from a kernel after some in-place writes. */
public final class CheckedFailure implements EffectsProgram {

  /** The kernel's own checked exception. */
  public static final class LimitExceeded extends Exception {
    public LimitExceeded(String message) {
      super(message);
    }
  }

  @Jit
  static void capAt(double[] a, double limit) throws LimitExceeded {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] * 2;
      if (a[i] > limit) {
        throw new LimitExceeded("above " + limit + " at " + i);
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 22);
    try {
      capAt(a, 165);
      s.noException();
    } catch (LimitExceeded e) {
      s.thrown(e);
    }
    s.put("a", a);
  }
}
