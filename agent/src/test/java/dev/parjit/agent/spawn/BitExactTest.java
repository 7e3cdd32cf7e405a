package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Both ways {@link BitExact} compares floating arrays (the vectorized intrinsic when the copy holds
 * no NaN, the scalar loop over raw bits otherwise) give the same answer as comparing every element's
 * raw bits, for every length up to past the intrinsic's vector widths and a change at every position.
 */
class BitExactTest {

  private static final double OTHER_NAN = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);
  private static final float OTHER_NAN_F = Float.intBitsToFloat(0x7fc0_0123);

  /** The oracle: element by element, raw bits. */
  private static boolean rawBitsEqual(double[] a, double[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
        return false;
      }
    }
    return true;
  }

  @Test
  void everyLengthAndEveryPositionOfAChangeAgreesWithRawBits() {
    double[] changes = {2.5, -0.0, Double.NaN, OTHER_NAN, Double.POSITIVE_INFINITY};
    for (int n = 0; n <= 70; n++) {
      double[] copy = new double[n];
      for (int i = 0; i < n; i++) {
        copy[i] = i * 0.25;
      }
      assertFalse(BitExact.hasNaN(copy));
      assertTrue(BitExact.equal(copy.clone(), copy, true), "unchanged, length " + n);
      assertTrue(BitExact.equal(copy.clone(), copy, false), "unchanged, length " + n);
      for (int at = 0; at < n; at++) {
        for (double change : changes) {
          double[] arg = copy.clone();
          arg[at] = change;
          boolean expected = rawBitsEqual(arg, copy);
          assertEquals(expected, BitExact.equal(arg, copy, true), "length " + n + ", " + change + " at " + at);
          assertEquals(expected, BitExact.equal(arg, copy, false), "length " + n + ", " + change + " at " + at);
          assertEquals(expected, BitExact.rangeEqual(arg, 0, copy, n, true));
        }
      }
    }
  }

  @Test
  void aCopyWithANaNIsComparedByRawBits() {
    double[] copy = new double[40];
    copy[17] = Double.NaN;
    assertTrue(BitExact.hasNaN(copy));
    double[] arg = copy.clone();
    arg[17] = OTHER_NAN; // Arrays.equals and Arrays.mismatch fold these two: the scalar loop does not
    assertFalse(BitExact.equal(arg, copy, false));
    assertTrue(Arrays.equals(arg, copy), "the folding the NaN-free flag exists to avoid");
  }

  @Test
  void floatsAndRowsToo() {
    float[] copy = new float[33];
    Arrays.fill(copy, 1.5f);
    for (int at = 0; at < copy.length; at++) {
      float[] arg = copy.clone();
      arg[at] = OTHER_NAN_F;
      assertFalse(BitExact.equal(arg, copy, true), "a NaN where the copy has a number, at " + at);
      arg[at] = -1.5f;
      assertFalse(BitExact.equal(arg, copy, true));
    }
    assertTrue(BitExact.equal(copy.clone(), copy, true));
    float[] withNaN = copy.clone();
    withNaN[3] = Float.NaN;
    assertTrue(BitExact.hasNaN(withNaN));
    float[] otherNaN = withNaN.clone();
    otherNaN[3] = OTHER_NAN_F;
    assertFalse(BitExact.equal(otherNaN, withNaN, false));

    double[][] rows = {{1, 2, 3}, null, {4, 5}};
    assertFalse(BitExact.hasNaN(rows));
    double[][] same = {{1, 2, 3}, null, {4, 5}};
    assertTrue(BitExact.equal(same, rows, true));
    same[2][1] = OTHER_NAN;
    assertFalse(BitExact.equal(same, rows, true), "a NaN inside a row");
    assertTrue(BitExact.hasNaN(same));
    double[][] copyWithNaN = {{1, 2, 3}, null, {4, Double.NaN}};
    assertFalse(BitExact.equal(same, copyWithNaN, false), "NaN payloads differ inside a row");
  }

  @Test
  void aRangeInsideALargerArray() {
    double[] array = new double[100];
    for (int i = 0; i < array.length; i++) {
      array[i] = i;
    }
    double[] part = Arrays.copyOfRange(array, 37, 81);
    assertTrue(BitExact.rangeEqual(array, 37, part, part.length, true));
    assertFalse(BitExact.rangeEqual(array, 36, part, part.length, true));
    array[80] = OTHER_NAN;
    assertFalse(BitExact.rangeEqual(array, 37, part, part.length, true), "the range's last element");
    assertFalse(BitExact.rangeEqual(array, 37, part, part.length, false));
  }
}
