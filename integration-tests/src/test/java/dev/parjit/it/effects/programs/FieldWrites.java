package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Instance methods writing arrays held in fields of {@code this} at the loop index ({@code out[i] = },
 * {@code acc[i] += }), bounded by a field and by a field's length: the arrays travel in chunks and
 * the written chunks land in the object's own arrays (the fields keep pointing at them).
 */
public final class FieldWrites implements EffectsProgram {

  private double[] x;
  private double[] out;
  private double[] acc;
  private int n;
  private double scale;

  @Jit
  void map() {
    for (int i = 0; i < n; i++) {
      out[i] = x[i] * scale + 1;
    }
  }

  @Jit
  double accumulate(double w) {
    double s = 0;
    for (int i = 0; i < acc.length; i++) {
      acc[i] += w * x[i];
      s += acc[i];
    }
    return s;
  }

  @Override
  public void run(int size) {
    State s = new State(this, size);
    n = size;
    scale = 1.5;
    x = Data.doubles(size, 21);
    out = new double[size];
    acc = Data.doubles(size, 22);
    double[] outBefore = out;
    double[] accBefore = acc;
    map();
    s.put("sum", accumulate(0.25));
    s.put("sum2", accumulate(-2));
    s.put("x", x);
    s.put("out", out);
    s.put("acc", acc);
    s.put("sameOut", out == outBefore);
    s.put("sameAcc", acc == accBefore);
  }
}
