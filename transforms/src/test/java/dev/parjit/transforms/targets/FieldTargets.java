package dev.parjit.transforms.targets;

import dev.parjit.Jit;

/** Instance methods over arrays held in fields: the shapes {@code FieldArrayLifting} lifts and declines. */
public class FieldTargets {

  public double[] x = new double[0];
  public double[] out = new double[0];
  public double[][] c = new double[0][];
  public int n;

  /** Lifted: {@code out} and {@code x} become parameters; the loop writes {@code out} at its index. */
  @Jit
  public void square() {
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i] * x[i] + n;
    }
  }

  /** Lifted: rows of a 2-D field written in place. */
  @Jit
  public void fillRows(double v) {
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c[i].length; j++) {
        c[i][j] = v * i + j;
      }
    }
  }

  /** Declined: the method assigns the field it reads. */
  @Jit
  public void replace() {
    out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i];
    }
  }

  /** Declined: {@code this} escapes to an instance call, which could reassign the fields. */
  @Jit
  public void viaHelper() {
    for (int i = 0; i < out.length; i++) {
      out[i] = value(i);
    }
  }

  double value(int i) {
    return x[i] + 1;
  }

  /** Lifted: the static helpers it calls (transitively) assign no field. */
  @Jit
  public void viaStaticHelpers() {
    for (int i = 0; i < out.length; i++) {
      out[i] = twice(x[i]);
    }
  }

  static double twice(double v) {
    return plus(v, v);
  }

  private static double plus(double a, double b) {
    return a + b;
  }

  /** Declined: a static helper assigns an instance field (it could be this object's). */
  @Jit
  public void viaAssigningHelper() {
    for (int i = 0; i < out.length; i++) {
      out[i] = reset(this.x[i]);
    }
  }

  static FieldTargets last = new FieldTargets();

  static double reset(double v) {
    last.out = new double[1];
    return v;
  }
}
