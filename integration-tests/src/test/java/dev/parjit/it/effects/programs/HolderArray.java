package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** An array inside an object passed as an argument: one kernel reads it, one writes it. */
public final class HolderArray implements EffectsProgram {

  /** The caller's object holding the array. */
  static final class Holder {
    double[] data;
    double bias;
  }

  @Jit
  static double sumHolder(Holder h) {
    double s = 0;
    for (int i = 0; i < h.data.length; i++) {
      s += h.data[i] + h.bias;
    }
    return s;
  }

  @Jit
  static void shiftHolder(Holder h, double by) {
    for (int i = 0; i < h.data.length; i++) {
      h.data[i] += by + h.bias;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    Holder h = new Holder();
    h.data = Data.doubles(n, 17);
    h.bias = 0.25;
    double[] mine = h.data;
    s.put("sum", sumHolder(h));
    shiftHolder(h, 2);
    s.put("sameArray", mine == h.data);
    s.put("data", h.data);
  }
}
