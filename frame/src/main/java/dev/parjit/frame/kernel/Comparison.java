package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;

/**
 * Elementwise comparison kernels returning BOOL vectors without nulls. A missing operand (null,
 * or NaN in a float column) compares false, except {@code NE} which is true: numpy's NaN rule,
 * which pandas' default float64 columns follow. Two long-like operands compare exactly as longs
 * (no rounding through double), strings compare by Unicode code point (UTF-8 byte order).
 */
public final class Comparison {
  private Comparison() {}

  /** The six comparison operators. */
  public enum Op {
    /** Greater than. */
    GT,
    /** Greater or equal. */
    GE,
    /** Less than. */
    LT,
    /** Less or equal. */
    LE,
    /** Equal. */
    EQ,
    /** Not equal (true when an operand is missing). */
    NE
  }

  private static boolean test(Op op, int c) {
    switch (op) {
      case GT: return c > 0;
      case GE: return c >= 0;
      case LT: return c < 0;
      case LE: return c <= 0;
      case EQ: return c == 0;
      default: return c != 0;
    }
  }

  /** {@code a op b} row by row for two vectors of comparable dtypes and equal length. */
  public static FieldVector apply(FieldVector a, FieldVector b, Op op, String name) {
    DType ta = DType.of(a);
    DType tb = DType.of(b);
    int n = a.getValueCount();
    boolean[] r = new boolean[n];
    boolean[] va = Vectors.validity(a);
    boolean[] vb = Vectors.validity(b);
    if (ta == DType.STRING) {
      StringColumn x = StringColumn.of(a);
      StringColumn y = StringColumn.of(b);
      for (int i = 0; i < n; i++) {
        r[i] = (va == null || va[i]) && (vb == null || vb[i]) ? test(op, StringColumn.compare(x, i, y, i)) : op == Op.NE;
      }
    } else if (ta.isLongLike() && tb.isLongLike()) {
      long[] x = Vectors.longs(a);
      long[] y = Vectors.longs(b);
      for (int i = 0; i < n; i++) {
        r[i] = (va == null || va[i]) && (vb == null || vb[i]) ? test(op, Long.compare(x[i], y[i])) : op == Op.NE;
      }
    } else {
      double[] x = Vectors.doubles(a);
      double[] y = Vectors.doubles(b);
      for (int i = 0; i < n; i++) r[i] = cmp(x[i], y[i], op);
    }
    return Vectors.ofBooleans(name, r, null);
  }

  /** {@code a op scalar} row by row for a numeric or timestamp vector (timestamps as µs). */
  public static FieldVector apply(FieldVector a, double scalar, Op op, String name) {
    int n = a.getValueCount();
    double[] x = Vectors.doubles(a);
    boolean[] r = new boolean[n];
    for (int i = 0; i < n; i++) r[i] = cmp(x[i], scalar, op);
    return Vectors.ofBooleans(name, r, null);
  }

  /** {@code a op s} row by row for a string vector; a null row is missing. */
  public static FieldVector apply(FieldVector a, String s, Op op, String name) {
    int n = a.getValueCount();
    StringColumn x = StringColumn.of(a);
    byte[] key = s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    boolean[] va = Vectors.validity(a);
    boolean[] r = new boolean[n];
    for (int i = 0; i < n; i++) {
      r[i] = key != null && (va == null || va[i]) ? test(op, x.compareTo(i, key)) : op == Op.NE;
    }
    return Vectors.ofBooleans(name, r, null);
  }

  private static boolean cmp(double x, double y, Op op) {
    if (Double.isNaN(x) || Double.isNaN(y)) return op == Op.NE;
    switch (op) {
      case GT: return x > y;
      case GE: return x >= y;
      case LT: return x < y;
      case LE: return x <= y;
      case EQ: return x == y;
      default: return x != y;
    }
  }
}
