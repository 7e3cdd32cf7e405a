package dev.parjit.agent.spawn;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.function.BiPredicate;

/**
 * Bit-for-bit equality of primitive arrays (and arrays of rows of them): the rule by which a resident
 * argument counts as unchanged. {@code Arrays.equals} on {@code double[]} and {@code float[]} compares
 * {@code doubleToLongBits}, which folds every NaN into one, so a NaN payload changed between calls
 * would look unchanged although the sequential program can tell the two apart
 * ({@code doubleToRawLongBits}, or by passing the value on); floating arrays are therefore compared by
 * their raw bits. Other element types have no such folding.
 *
 * <p>Two ways to compare floating arrays by their raw bits. When the driver's copy holds no NaN
 * (known from {@link #hasNaN}, scanned once when the copy is made) {@code Arrays.mismatch} is exact:
 * it compares raw bits with the JVM's vectorized intrinsic and folds a difference only where both
 * sides are NaN, which cannot happen then. Otherwise a scalar loop over the raw bits. Both read the
 * two arrays once; on an idle machine both run at memory speed (1M doubles against a copy: 1.2 ms
 * either way), but while the workers compute on the same cores the scalar loop took 1.6-2× the CPU
 * time of the intrinsic.
 */
final class BitExact {

  private BitExact() { }

  /** Whether {@code a} and {@code b}, primitive arrays or arrays of rows of them, are of one type and hold the same bits. */
  static boolean equal(Object a, Object b) {
    return equal(a, b, false);
  }

  /**
   * As {@link #equal(Object, Object)}; {@code bHasNoNaN} says {@code b} (rows included) holds no NaN
   * ({@link #hasNaN}), which lets floating arrays be compared by the vectorized intrinsic.
   */
  static boolean equal(Object a, Object b, boolean bHasNoNaN) {
    return sameShape(a, b, (x, y) -> rangeEqual(x, 0, y, Array.getLength(x), bHasNoNaN));
  }

  /**
   * Walks {@code a} and {@code b} together down to their primitive rows: {@code false} as soon as a
   * class, a length or a {@code null} row differs, or {@code rows} refuses a pair of equally long
   * primitive rows (which it receives in order).
   */
  static boolean sameShape(Object a, Object b, BiPredicate<Object, Object> rows) {
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Object[] ra) {
      Object[] rb = (Object[]) b;
      if (ra.length != rb.length) {
        return false;
      }
      for (int k = 0; k < ra.length; k++) {
        if (ra[k] == null || rb[k] == null ? ra[k] != rb[k] : !sameShape(ra[k], rb[k], rows)) {
          return false;
        }
      }
      return true;
    }
    return Array.getLength(a) == Array.getLength(b) && rows.test(a, b);
  }

  /**
   * Whether items {@code [from, from + len)} of {@code array} are all of {@code part}, bit for bit (both
   * one-dimensional primitive arrays of the same type).
   */
  static boolean rangeEqual(Object array, int from, Object part, int len) {
    return rangeEqual(array, from, part, len, false);
  }

  /**
   * As {@link #rangeEqual(Object, int, Object, int)}; {@code partHasNoNaN} says {@code part} holds no
   * NaN, so a floating range is compared by {@code Arrays.mismatch}: it reports every position whose
   * raw bits differ unless both values there are NaN, and {@code part} has none.
   */
  static boolean rangeEqual(Object array, int from, Object part, int len, boolean partHasNoNaN) {
    return rangeEqual(array, from, part, 0, len, partHasNoNaN);
  }

  /** As {@link #rangeEqual(Object, int, Object, int, boolean)}, for items {@code [partFrom, partFrom + len)} of {@code part}. */
  static boolean rangeEqual(Object array, int from, Object part, int partFrom, int len, boolean partHasNoNaN) {
    int to = from + len;
    int partTo = partFrom + len;
    if (array instanceof double[] a) {
      return partHasNoNaN ? Arrays.mismatch(a, from, to, (double[]) part, partFrom, partTo) < 0
          : rawEqual(a, from, (double[]) part, partFrom, len);
    } else if (array instanceof float[] a) {
      return partHasNoNaN ? Arrays.mismatch(a, from, to, (float[]) part, partFrom, partTo) < 0
          : rawEqual(a, from, (float[]) part, partFrom, len);
    } else if (array instanceof long[] a) {
      return Arrays.equals(a, from, to, (long[]) part, partFrom, partTo);
    } else if (array instanceof int[] a) {
      return Arrays.equals(a, from, to, (int[]) part, partFrom, partTo);
    } else if (array instanceof byte[] a) {
      return Arrays.equals(a, from, to, (byte[]) part, partFrom, partTo);
    } else if (array instanceof short[] a) {
      return Arrays.equals(a, from, to, (short[]) part, partFrom, partTo);
    } else if (array instanceof char[] a) {
      return Arrays.equals(a, from, to, (char[]) part, partFrom, partTo);
    } else if (array instanceof boolean[] a) {
      return Arrays.equals(a, from, to, (boolean[]) part, partFrom, partTo);
    }
    throw new IllegalArgumentException("not a one-dimensional primitive array: " + array.getClass().getName());
  }

  /** Whether {@code array}, a primitive array or an array of rows of them, holds a NaN anywhere. */
  static boolean hasNaN(Object array) {
    if (array instanceof Object[] rows) {
      for (Object row : rows) {
        if (row != null && hasNaN(row)) {
          return true;
        }
      }
      return false;
    }
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
    }
    return false;
  }

  private static boolean rawEqual(double[] a, int from, double[] p, int partFrom, int len) {
    for (int i = 0; i < len; i++) {
      if (Double.doubleToRawLongBits(a[from + i]) != Double.doubleToRawLongBits(p[partFrom + i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean rawEqual(float[] a, int from, float[] p, int partFrom, int len) {
    for (int i = 0; i < len; i++) {
      if (Float.floatToRawIntBits(a[from + i]) != Float.floatToRawIntBits(p[partFrom + i])) {
        return false;
      }
    }
    return true;
  }
}
