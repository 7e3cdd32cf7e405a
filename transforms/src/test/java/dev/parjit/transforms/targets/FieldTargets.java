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

  /** Lifted: its private helper reads only a scalar field of this and assigns nothing. */
  @Jit
  public void viaPureHelper() {
    for (int i = 0; i < out.length; i++) {
      out[i] = shifted(i);
    }
  }

  private double shifted(int i) {
    return scaled(i) + n;
  }

  private double scaled(int i) {
    return 2.0 * i;
  }

  /** Declined: its private helper reads an array field, which the twin would no longer read. */
  @Jit
  public void viaArrayReadingHelper() {
    for (int i = 0; i < out.length; i++) {
      out[i] = firstOfX() + i;
    }
  }

  private double firstOfX() {
    return x.length > 0 ? x[0] : 0;
  }

  /** Declined: its private helper counts its calls in a field. */
  @Jit
  public void viaCountingHelper() {
    for (int i = 0; i < out.length; i++) {
      out[i] = counted();
    }
  }

  private double counted() {
    n++;
    return n;
  }

  /** Declined: this is an argument of the helper, not only its receiver. */
  @Jit
  public void thisAsArgument() {
    for (int i = 0; i < out.length; i++) {
      out[i] = sizeOf(this);
    }
  }

  private double sizeOf(FieldTargets t) {
    return t.n;
  }

  static FieldTargets last = new FieldTargets();

  static double reset(double v) {
    last.out = new double[1];
    return v;
  }
}
