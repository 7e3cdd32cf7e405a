package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import org.apache.arrow.vector.FieldVector;

/**
 * Elementwise arithmetic kernels. Result dtype follows numpy/pandas: two integer operands give
 * an integer (INT32 when both are INT32, else INT64; overflow wraps as in numpy), anything
 * with a float, any division, and any scalar operand give FLOAT64. A null operand gives a null.
 */
public final class Arithmetic {
  private Arithmetic() {}

  /** The four arithmetic operators. */
  public enum Op {
    /** Addition. */
    ADD,
    /** Subtraction. */
    SUB,
    /** Multiplication. */
    MUL,
    /** Division (always float64). */
    DIV
  }

  /** Result dtype of {@code a op b} for two series of these dtypes. */
  public static DType resultType(DType a, DType b, Op op) {
    if (op != Op.DIV && a.isIntegral() && b.isIntegral()) {
      return a == DType.INT32 && b == DType.INT32 ? DType.INT32 : DType.INT64;
    }
    return DType.FLOAT64;
  }

  /** {@code a op b} row by row; both vectors have the same length and numeric dtypes. */
  public static FieldVector apply(FieldVector a, FieldVector b, Op op, String name) {
    DType t = resultType(DType.of(a), DType.of(b), op);
    int n = a.getValueCount();
    boolean[] valid = and(Vectors.validity(a), Vectors.validity(b));
    if (t == DType.FLOAT64) {
      double[] x = Vectors.doubles(a);
      double[] y = Vectors.doubles(b);
      double[] r = new double[n];
      switch (op) {
        case ADD: for (int i = 0; i < n; i++) r[i] = x[i] + y[i]; break;
        case SUB: for (int i = 0; i < n; i++) r[i] = x[i] - y[i]; break;
        case MUL: for (int i = 0; i < n; i++) r[i] = x[i] * y[i]; break;
        default: for (int i = 0; i < n; i++) r[i] = x[i] / y[i]; break;
      }
      return Vectors.ofDoubles(name, r, valid);
    }
    long[] x = Vectors.longs(a);
    long[] y = Vectors.longs(b);
    long[] r = new long[n];
    switch (op) {
      case ADD: for (int i = 0; i < n; i++) r[i] = x[i] + y[i]; break;
      case SUB: for (int i = 0; i < n; i++) r[i] = x[i] - y[i]; break;
      default: for (int i = 0; i < n; i++) r[i] = x[i] * y[i]; break;
    }
    return Vectors.ofLongs(t, name, r, valid);
  }

  /** {@code a op scalar} row by row, as FLOAT64. */
  public static FieldVector apply(FieldVector a, double scalar, Op op, String name) {
    int n = a.getValueCount();
    double[] x = Vectors.doubles(a);
    double[] r = new double[n];
    switch (op) {
      case ADD: for (int i = 0; i < n; i++) r[i] = x[i] + scalar; break;
      case SUB: for (int i = 0; i < n; i++) r[i] = x[i] - scalar; break;
      case MUL: for (int i = 0; i < n; i++) r[i] = x[i] * scalar; break;
      default: for (int i = 0; i < n; i++) r[i] = x[i] / scalar; break;
    }
    return Vectors.ofDoubles(name, r, Vectors.validity(a));
  }

  /** Row-wise AND of two validity arrays (null = all valid). */
  static boolean[] and(boolean[] a, boolean[] b) {
    if (a == null) return b;
    if (b == null) return a;
    boolean[] r = new boolean[a.length];
    for (int i = 0; i < r.length; i++) r[i] = a[i] && b[i];
    return r;
  }
}
