package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A varargs {@code @Jit} method, called with an array, with no arguments and with a few: its
 * parameter is a {@code double[]} like any other. The workers once invoked it through a variable
 * arity handle, which failed every call (the driver then reran it: right answers, nothing parallel).
 */
public final class VarargsKernel implements EffectsProgram {

  @Jit
  static double total(double... xs) {
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      s += xs[i];
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 71);
    s.put("array", total(a));
    s.put("none", total());
    s.put("three", total(1.5, -2.25, n));
    s.put("a", a);
  }
}
