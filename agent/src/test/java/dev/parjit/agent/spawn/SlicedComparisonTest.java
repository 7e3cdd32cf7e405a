package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The sliced comparison answers as the one-thread comparison does, whatever the number of slices and
 * wherever the slices' edges fall: a change at any position of a whole array, of a block, of a row,
 * is found, and shapes that do not cover the array never match.
 */
class SlicedComparisonTest {

  private static final double OTHER_NAN = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);

  private static double[] ramp(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i + 0.5;
    }
    return a;
  }

  @Test
  void aChangeAtEveryPositionIsFoundWithEveryNumberOfSlices() {
    for (int slices = 1; slices <= 5; slices++) {
      SlicedComparison c = new SlicedComparison(slices, 0);
      for (int n : new int[] {0, 1, 2, 7, 31}) {
        double[] copy = ramp(n);
        assertTrue(c.sameContents(new Object[] {copy}, new int[] {0}, copy.clone(), true));
        assertTrue(c.sameContents(new Object[] {copy}, new int[] {0}, copy.clone(), false));
        for (int at = 0; at < n; at++) {
          for (double change : new double[] {-1, OTHER_NAN}) {
            double[] arg = copy.clone();
            arg[at] = change;
            assertFalse(c.sameContents(new Object[] {copy}, new int[] {0}, arg, true), slices + " slices, " + at);
            assertFalse(c.sameContents(new Object[] {copy}, new int[] {0}, arg, false), slices + " slices, " + at);
          }
        }
      }
    }
  }

  @Test
  void blocksAndRowsAreSlicedAcrossTheirEdges() {
    SlicedComparison c = new SlicedComparison(3, 0);
    double[] a = ramp(11);
    Object[] blocks = {Arrays.copyOfRange(a, 0, 4), Arrays.copyOfRange(a, 4, 8), Arrays.copyOfRange(a, 8, 11)};
    int[] starts = {0, 4, 8};
    assertTrue(c.sameContents(blocks, starts, a.clone(), false));
    for (int at = 0; at < a.length; at++) {
      double[] arg = a.clone();
      arg[at] = -0.0;
      assertFalse(c.sameContents(blocks, starts, arg, false), "block item " + at);
    }
    assertFalse(c.sameContents(blocks, new int[] {0, 4, 7}, a.clone(), false), "an overlap never matches");
    assertFalse(c.sameContents(new Object[] {blocks[0], blocks[1]}, new int[] {0, 4}, a.clone(), false), "short");

    double[][] rows = {ramp(5), null, ramp(3), ramp(9)};
    double[][] copy = {ramp(5), null, ramp(3), ramp(9)};
    assertTrue(c.sameContents(new Object[] {copy}, new int[] {0}, rows, true));
    for (int r : new int[] {0, 2, 3}) {
      for (int at = 0; at < rows[r].length; at++) {
        double keep = rows[r][at];
        rows[r][at] = OTHER_NAN;
        assertFalse(c.sameContents(new Object[] {copy}, new int[] {0}, rows, true), "row " + r + " item " + at);
        rows[r][at] = keep;
      }
    }
    rows[1] = new double[0];
    assertFalse(c.sameContents(new Object[] {copy}, new int[] {0}, rows, true), "a null row became an empty one");
  }

  @Test
  void aChangeInAnyRunOfALargeComparisonIsFoundHoweverTheHelpersAreScheduled() {
    int run = 1 << 16;
    double[] copy = ramp(3 * run + 5);
    for (int slices = 2; slices <= 4; slices++) {
      SlicedComparison c = new SlicedComparison(slices, 0);
      for (int repeat = 0; repeat < 20; repeat++) {
        assertTrue(c.sameContents(new Object[] {copy}, new int[] {0}, copy.clone(), true));
        for (int at : new int[] {0, run - 1, run, 2 * run + 7, copy.length - 1}) {
          double[] arg = copy.clone();
          arg[at] = OTHER_NAN;
          assertFalse(c.sameContents(new Object[] {copy}, new int[] {0}, arg, true), slices + " slices, " + at);
        }
      }
    }
  }

  @Test
  void helperThreadsReportTheirCpuTime() {
    SlicedComparison c = new SlicedComparison(2, 0);
    double[] a = ramp(1 << 20);
    assertTrue(c.sameContents(new Object[] {a.clone()}, new int[] {0}, a, true));
    assertTrue(c.helperCpuNanos() >= 0);
    long[] l = new long[1000];
    long[] lc = l.clone();
    l[999] = 1;
    assertFalse(c.sameContents(new Object[] {lc}, new int[] {0}, l, false), "other element types too");
    assertEquals(false, c.sameContents(new Object[] {new int[3]}, new int[] {0}, new long[3], false), "types differ");
  }
}
