package dev.parjit.agent.spawn;

import java.util.Arrays;

/**
 * Bit-for-bit equality of primitive arrays (and arrays of rows of them): the rule by which a resident
 * argument counts as unchanged. {@code Arrays.equals} on {@code double[]} and {@code float[]} compares
 * {@code doubleToLongBits}, which folds every NaN into one, so a NaN payload changed between calls
 * would look unchanged although the sequential program can tell the two apart
 * ({@code doubleToRawLongBits}, or by passing the value on). The intrinsic comparison stays the fast
 * path: arrays it finds equal can differ only where both hold a NaN, so a recorded copy known to hold no
 * NaN (scanned once, when it is recorded) needs nothing more, and one that holds a NaN is compared bit by
 * bit. Other element types have no such folding.
 */
final class BitExact {

  private BitExact() { }

  /** Whether a {@code double}/{@code float} element of {@code array} (rows included) is a NaN. */
  static boolean holdsNaN(Object array) {
    if (array instanceof double[] d) {
      for (double v : d) {
        if (v != v) {
          return true;
        }
      }
    } else if (array instanceof float[] f) {
      for (float v : f) {
        if (v != v) {
          return true;
        }
      }
    } else if (array instanceof Object[] rows) {
      for (Object row : rows) {
        if (row != null && holdsNaN(row)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code a} and {@code b}, primitive arrays or arrays of rows of the same type, hold the same
   * bits; {@code aMayHoldNaN} false promises that {@code a} holds no NaN.
   */
  static boolean equal(Object a, Object b, boolean aMayHoldNaN) {
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Object[] ra) {
      Object[] rb = (Object[]) b;
      if (ra.length != rb.length) {
        return false;
      }
      for (int k = 0; k < ra.length; k++) {
        if (ra[k] == null || rb[k] == null ? ra[k] != rb[k] : !equal(ra[k], rb[k], aMayHoldNaN)) {
          return false;
        }
      }
      return true;
    }
    int n = java.lang.reflect.Array.getLength(a);
    return n == java.lang.reflect.Array.getLength(b) && rangeEqual(b, 0, a, n, aMayHoldNaN);
  }

  /**
   * Whether items {@code [from, from + len)} of {@code array} are all of {@code part}, bit for bit (both
   * one-dimensional primitive arrays of the same type); {@code partMayHoldNaN} false promises that
   * {@code part} holds no NaN.
   */
  static boolean rangeEqual(Object array, int from, Object part, int len, boolean partMayHoldNaN) {
    if (array instanceof double[] a) {
      double[] p = (double[]) part;
      return partMayHoldNaN ? rawEqual(a, from, p, len) : Arrays.equals(a, from, from + len, p, 0, len);
    } else if (array instanceof float[] a) {
      float[] p = (float[]) part;
      return partMayHoldNaN ? rawEqual(a, from, p, len) : Arrays.equals(a, from, from + len, p, 0, len);
    } else if (array instanceof long[] a) {
      return Arrays.equals(a, from, from + len, (long[]) part, 0, len);
    } else if (array instanceof int[] a) {
      return Arrays.equals(a, from, from + len, (int[]) part, 0, len);
    } else if (array instanceof byte[] a) {
      return Arrays.equals(a, from, from + len, (byte[]) part, 0, len);
    } else if (array instanceof short[] a) {
      return Arrays.equals(a, from, from + len, (short[]) part, 0, len);
    } else if (array instanceof char[] a) {
      return Arrays.equals(a, from, from + len, (char[]) part, 0, len);
    } else if (array instanceof boolean[] a) {
      return Arrays.equals(a, from, from + len, (boolean[]) part, 0, len);
    }
    throw new IllegalArgumentException("not a one-dimensional primitive array: " + array.getClass().getName());
  }

  private static boolean rawEqual(double[] a, int from, double[] p, int len) {
    for (int i = 0; i < len; i++) {
      if (Double.doubleToRawLongBits(a[from + i]) != Double.doubleToRawLongBits(p[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean rawEqual(float[] a, int from, float[] p, int len) {
    for (int i = 0; i < len; i++) {
      if (Float.floatToRawIntBits(a[from + i]) != Float.floatToRawIntBits(p[i])) {
        return false;
      }
    }
    return true;
  }
}
