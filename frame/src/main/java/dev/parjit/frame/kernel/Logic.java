package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Boolean AND / OR / NOT with Kleene (SQL, pandas {@code boolean} dtype) null logic:
 * {@code false & null = false}, {@code true | null = true}, otherwise a null operand gives null.
 */
public final class Logic {
  private Logic() {}

  /** Row-wise AND ({@code or == false}) or OR ({@code or == true}) of two BOOL vectors. */
  public static FieldVector combine(FieldVector a, FieldVector b, boolean or, String name) {
    requireBool(a);
    requireBool(b);
    int n = a.getValueCount();
    boolean[] r = new boolean[n];
    boolean[] valid = new boolean[n];
    boolean anyNull = false;
    ArrowBuf ad = a.getDataBuffer();
    ArrowBuf bd = b.getDataBuffer();
    for (int i = 0; i < n; i++) {
      boolean av = Vectors.isValid(a, i);
      boolean bv = Vectors.isValid(b, i);
      boolean x = av && BitVectorHelper.get(ad, i) != 0;
      boolean y = bv && BitVectorHelper.get(bd, i) != 0;
      if (or) {
        r[i] = x || y;
        valid[i] = r[i] || (av && bv);
      } else {
        boolean falseKnown = (av && !x) || (bv && !y);
        r[i] = x && y;
        valid[i] = falseKnown || (av && bv);
      }
      anyNull |= !valid[i];
    }
    return Vectors.ofBooleans(name, r, anyNull ? valid : null);
  }

  /** Row-wise NOT of a BOOL vector (null stays null). */
  public static FieldVector not(FieldVector a, String name) {
    requireBool(a);
    int n = a.getValueCount();
    boolean[] r = new boolean[n];
    ArrowBuf ad = a.getDataBuffer();
    for (int i = 0; i < n; i++) r[i] = BitVectorHelper.get(ad, i) == 0;
    return Vectors.ofBooleans(name, r, Vectors.validity(a));
  }

  static void requireBool(FieldVector v) {
    if (DType.of(v) != DType.BOOL) {
      throw new IllegalArgumentException("'" + v.getName() + "' is " + DType.of(v).pandasName() + ", a boolean series is needed");
    }
  }
}
