package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** An instance @Jit method that scales its argument and writes fields of {@code this}. */
public final class InstanceField implements EffectsProgram {

  double last;
  int calls;

  @Jit
  void scaleRemember(double[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= 3;
    }
    calls++;
    last = a.length > 0 ? a[a.length - 1] : -1;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    last = 0;
    calls = 0;
    double[] a = Data.doubles(n, 12);
    scaleRemember(a);
    scaleRemember(a);
    s.put("a", a);
    s.put("last", last);
    s.put("calls", calls);
  }
}
