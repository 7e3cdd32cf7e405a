package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Trap: a loop that writes statics: the last value seen and a count of negative elements. */
public final class TrapStaticWrite implements EffectsProgram {

  static double lastSeen;
  static int negatives;

  @Jit
  static double[] absolute(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      lastSeen = a[i];
      if (a[i] < 0) {
        negatives++;
      }
      out[i] = Math.abs(a[i]);
    }
    return out;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    lastSeen = -1;
    negatives = 0;
    double[] a = Data.doubles(n, 106);
    s.put("absolute", absolute(a));
    s.put("lastSeen", lastSeen);
    s.put("negatives", negatives);
    s.put("a", a);
  }
}
