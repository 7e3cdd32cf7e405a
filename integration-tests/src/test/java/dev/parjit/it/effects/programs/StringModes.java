package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Strings compared by identity, as ordinary code sometimes does: a kernel choosing its operation with
 * {@code mode == "twice"}, and a caller comparing a returned literal with {@code ==}. Sequentially a
 * literal is the one pooled object wherever it appears, so both comparisons hold for literals and fail
 * for a string built at run time; a string shipped to the workers or back must keep that.
 */
public final class StringModes implements EffectsProgram {

  @Jit
  static void apply(double[] a, String mode) {
    for (int i = 0; i < a.length; i++) {
      a[i] = mode == "twice" ? a[i] * 2 : a[i] + 1;
    }
  }

  @Jit
  static String sign(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    return s >= 0 ? "nonnegative" : "negative";
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 7);
    apply(a, "twice");
    s.put("literal", a);
    apply(a, new StringBuilder("tw").append("ice").toString()); // equal, but not the literal: adds one
    s.put("built", a);
    String v = sign(a);
    s.put("sign", v);
    s.put("sign.isLiteral", v == "nonnegative" || v == "negative");
  }
}
