package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Accumulating into an argument while reading its mirror image through another name: a static, a
 * field, a row of a matrix argument, a row of a row. Called with that very array, the later
 * iterations read what the earlier ones wrote. In SPMD mode these loops are array reductions over a
 * replicated argument; they once split their range anyway (the alias check compared only the
 * arguments themselves), so the ranks read their neutral start and silently left other sums. Now a
 * row read is part of the check (the loop then runs whole on rank 0) and a static or field read of
 * the array's type keeps the loop sequential. Spawn mode runs the aliased calls on the driver.
 */
public final class ReductionAliases implements EffectsProgram {

  static double[] weights = new double[0];
  private double[] own = new double[0];

  @Jit
  static void fromStatic(double[] d) {
    for (int i = 0; i < d.length; i++) {
      d[i] += weights[d.length - 1 - i];
    }
  }

  @Jit
  void fromField(double[] d) {
    for (int i = 0; i < d.length; i++) {
      d[i] += own[d.length - 1 - i];
    }
  }

  @Jit
  static void fromRow(double[] d, double[][] m) {
    for (int i = 0; i < d.length; i++) {
      d[i] += m[0][d.length - 1 - i];
    }
  }

  @Jit
  static void fromRowOfRow(double[] d, double[][][] m) {
    for (int i = 0; i < d.length; i++) {
      d[i] += m[0][0][d.length - 1 - i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] a = Data.doubles(n, 81);
    weights = Data.doubles(n, 82);
    fromStatic(a);
    s.put("static.distinct", a);
    weights = a;
    fromStatic(a);
    s.put("static.aliased", a);
    double[] b = Data.doubles(n, 83);
    own = b;
    fromField(b);
    s.put("field.aliased", b);
    double[] c = Data.doubles(n, 84);
    fromRow(c, new double[][] {Data.doubles(n, 85)});
    s.put("row.distinct", c);
    fromRow(c, new double[][] {c});
    s.put("row.aliased", c);
    double[] e = Data.doubles(n, 86);
    fromRowOfRow(e, new double[][][] {{e}});
    s.put("rowOfRow.aliased", e);
  }
}
