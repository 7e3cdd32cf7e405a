package dev.parjit.agent.spawn;

import java.util.Arrays;

/**
 * Bit-for-bit equality of primitive arrays (and arrays of rows of them): the rule by which a resident
 * argument counts as unchanged. {@code Arrays.equals} on {@code double[]} and {@code float[]} compares
 * {@code doubleToLongBits}, which folds every NaN into one, so a NaN payload changed between calls
 * would look unchanged although the sequential program can tell the two apart
 * ({@code doubleToRawLongBits}, or by passing the value on); floating arrays are therefore compared by
 * their raw bits. That loop costs what the intrinsic {@code Arrays.equals} costs on large arrays (both
 * are bound by memory: 0.07-0.18 ms per MB of argument measured here, the copy read too), so there is
 * no faster path to keep beside it. Other element types have no such folding.
 */
final class BitExact {

  private BitExact() { }

  /** Whether {@code a} and {@code b}, primitive arrays or arrays of rows of them, are of one type and hold the same bits. */
  static boolean equal(Object a, Object b) {
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Object[] ra) {
      Object[] rb = (Object[]) b;
      if (ra.length != rb.length) {
        return false;
      }
      for (int k = 0; k < ra.length; k++) {
        if (ra[k] == null || rb[k] == null ? ra[k] != rb[k] : !equal(ra[k], rb[k])) {
          return false;
        }
      }
      return true;
    }
    int n = java.lang.reflect.Array.getLength(a);
    return n == java.lang.reflect.Array.getLength(b) && rangeEqual(b, 0, a, n);
  }

  /**
   * Whether items {@code [from, from + len)} of {@code array} are all of {@code part}, bit for bit (both
   * one-dimensional primitive arrays of the same type).
   */
  static boolean rangeEqual(Object array, int from, Object part, int len) {
    if (array instanceof double[] a) {
      return rawEqual(a, from, (double[]) part, len);
    } else if (array instanceof float[] a) {
      return rawEqual(a, from, (float[]) part, len);
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
