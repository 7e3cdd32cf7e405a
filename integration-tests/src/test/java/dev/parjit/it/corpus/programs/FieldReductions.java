package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Reductions over arrays held in fields, with the loop shapes of {@link FieldMaps}. */
public final class FieldReductions implements EffectsProgram {

  private double[] a;
  private double[] b;

  @Jit
  double sumFromOne() {
    double s = 0;
    for (int i = 1; i <= a.length - 1; i++) {
      s += a[i];
    }
    return s;
  }

  @Jit
  double maxAbsEven() {
    double m = 0;
    for (int i = 0; i < a.length; i += 2) {
      m = Math.max(m, Math.abs(a[i]));
    }
    return m;
  }

  @Jit
  double dotBackwards() {
    double s = 0;
    for (int i = a.length - 1; i >= 0; i--) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    a = Data.doubles(n, 2);
    b = Data.doubles(n, 3);
    s.put("sumFromOne", sumFromOne());
    s.put("maxAbsEven", maxAbsEven());
    s.put("dotBackwards", dotBackwards());
    s.put("a", a);
    s.put("b", b);
  }
}
