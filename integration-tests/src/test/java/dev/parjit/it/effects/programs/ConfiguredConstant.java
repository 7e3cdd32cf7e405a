package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A static final its class's initialiser computes from the program's configuration, which the caller
 * sets before the class is first used. A worker that initialises the class itself computes another
 * value, so a kernel reading it must see the driver's value (or run on the driver): a final static is
 * the same in every process only when it is a compile-time constant.
 */
public final class ConfiguredConstant implements EffectsProgram {

  /** The configuration, as a command line would set it. */
  static final class Config {
    static double scale = 1;
  }

  /** Derived once, when first used: on the driver after the caller configured it. */
  static final class Scaler {
    static final double SCALE = Config.scale * 2;
  }

  @Jit
  static void scale(double[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] * Scaler.SCALE;
    }
  }

  @Jit
  static double weigh(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] + Scaler.SCALE;
    }
    return s;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    Config.scale = 3;
    double[] a = Data.doubles(n, 12);
    scale(a);
    s.put("a", a);
    s.put("weight", weigh(a));
    s.put("SCALE", Scaler.SCALE);
  }
}
