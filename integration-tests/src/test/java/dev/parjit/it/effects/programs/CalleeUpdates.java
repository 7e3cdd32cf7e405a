package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * {@code @Jit} methods that update their array parameter in place, called from the caller's code
 * and from another {@code @Jit} method of the class. In SPMD mode a parameter that other {@code @Jit}
 * methods may pass in chunks takes this rank's block of a whole array on entry, a copy: it must
 * therefore be one the method never writes, and {@code a[i] *= f} (javac's {@code dup2}) or a local
 * alias are writes too. Missing them lost every update of {@code scale}, silently.
 */
public final class CalleeUpdates implements EffectsProgram {

  @Jit
  static void scale(double[] a, double f) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= f;
    }
  }

  @Jit
  static void countUp(double[] a) {
    double[] b = a;
    for (int i = 0; i < b.length; i++) {
      b[i] = b[i] + i;
    }
  }

  /** Calls the updaters with its parameter: the case that made them accept chunks. */
  @Jit
  static void scaleTwiceAndCount(double[] a) {
    scale(a, 2);
    scale(a, 0.5);
    scale(a, 3);
    countUp(a);
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 61);
    scale(a, 3);
    s.put("scaled", a);
    countUp(a);
    s.put("counted", a);
    scaleTwiceAndCount(a);
    s.put("both", a);
  }
}
