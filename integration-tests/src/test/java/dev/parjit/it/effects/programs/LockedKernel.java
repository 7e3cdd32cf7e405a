package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A map done under a lock the caller's other threads would share: locking is an effect. */
public final class LockedKernel implements EffectsProgram {

  static final Object LOCK = new Object();

  @Jit
  static void scaleLocked(double[] a) {
    synchronized (LOCK) {
      for (int i = 0; i < a.length; i++) {
        a[i] *= 4;
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 26);
    scaleLocked(a);
    s.put("a", a);
  }
}
