package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A field array that is also the argument, or two fields holding one array: the workers' copies
 * could not share memory as the caller's arrays do, so those calls run on the driver; with distinct
 * arrays the same method runs on the workers; so does a field's array that is also a static the method reads. A {@code null} field fails with the sequential message.
 */
public final class FieldAliases implements EffectsProgram {

  private double[] dst;
  private double[] src;

  @Jit
  void mirror(double[] extra) {
    for (int i = 0; i < dst.length; i++) {
      dst[i] = src[src.length - 1 - i] + extra[i];
    }
  }

  static double[] offsets = new double[0];

  @Jit
  void shiftByStatic() {
    for (int i = 0; i < dst.length; i++) {
      dst[i] = src[i] + offsets[offsets.length - 1 - i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    dst = Data.doubles(n, 51);
    src = Data.doubles(n, 52);
    double[] extra = Data.doubles(n, 53);
    mirror(extra);
    s.put("distinct.dst", dst);
    src = dst; // two fields, one array: later iterations read what earlier ones wrote
    mirror(extra);
    s.put("fields.dst", dst);
    dst = Data.doubles(n, 54);
    src = Data.doubles(n, 55);
    mirror(dst); // the field's array is also the argument
    s.put("argument.dst", dst);
    s.put("src", src);
    offsets = Data.doubles(n, 56);
    shiftByStatic();
    s.put("static.distinct", dst);
    offsets = dst; // the field's array is also a static the method reads
    shiftByStatic();
    s.put("static.aliased", dst);
    dst = null; // the original code runs and fails as the sequential run does, with its message
    try {
      mirror(extra);
      s.noException();
    } catch (NullPointerException e) {
      s.thrown(e);
    }
  }
}
