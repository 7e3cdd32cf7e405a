package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A map reading a mirrored index of its source: parallel for distinct arrays, but called as
 * {@code mirrorAdd(a, a)} the later iterations read values the earlier ones wrote, which only a
 * sequential run on the caller's own array reproduces.
 */
public final class AliasArgs implements EffectsProgram {

  @Jit
  static void mirrorAdd(double[] dst, double[] src) {
    for (int i = 0; i < dst.length; i++) {
      dst[i] = src[i] + 2 * src[src.length - 1 - i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 5);
    double[] b = Data.doubles(n, 6);
    mirrorAdd(a, b);
    s.put("distinct.a", a);
    s.put("distinct.b", b);
    mirrorAdd(a, a);
    s.put("aliased.a", a);
  }
}
