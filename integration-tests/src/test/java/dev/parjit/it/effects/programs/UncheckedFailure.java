package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A custom unchecked exception thrown from a kernel when an updated value is a multiple of 13. */
public final class UncheckedFailure implements EffectsProgram {

  /** The kernel's own unchecked exception. */
  public static final class BadSample extends RuntimeException {
    public BadSample(String message) {
      super(message);
    }
  }

  @Jit
  static void check(int[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] += 1;
      if (a[i] % 13 == 0) {
        throw new BadSample("multiple of 13 at " + i + ": " + a[i]);
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] a = Data.ints(n, 23);
    try {
      check(a);
      s.noException();
    } catch (BadSample e) {
      s.thrown(e);
    }
    s.put("a", a);
  }
}
