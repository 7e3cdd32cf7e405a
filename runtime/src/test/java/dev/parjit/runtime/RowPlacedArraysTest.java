package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code new T[df.numRows()]} rewritten to {@code ParallelRuntime.newXArray(n, df)} on 1–4 simulated
 * ranks: the array takes the rows' uneven placement (a Parquet read's row groups, a filter's kept rows),
 * so the loop's alignment check passes and a gather returns the elements in order; another count, or rows
 * that are not distributed, give the ordinary 1D_Block array.
 */
class RowPlacedArraysTest {

  /** Uneven local row counts of 11 rows over {@code p} ranks (some empty). */
  private static long[] counts(int p) {
    return switch (p) {
      case 1 -> new long[] {11};
      case 2 -> new long[] {8, 3};
      case 3 -> new long[] {0, 10, 1};
      default -> new long[] {5, 0, 2, 4};
    };
  }

  @Test
  void anArraySizedByTheRowsTakesTheirPlacement() throws Exception {
    for (int p = 1; p <= 4; p++) {
      long[] counts = counts(p);
      List<double[]> out = SimulatedRanks.run(p, r -> {
        long start = 0;
        for (int k = 0; k < r; k++) {
          start += counts[k];
        }
        Object rows = new Object(); // stands for this rank's chunk of a frame
        DistributedArrays.register(rows, 11, start, counts[r]);
        double[] a = ParallelRuntime.newDoubleArray(11, rows);
        assertEquals(counts[r], a.length, "rank " + r);
        assertEquals(start, ParallelRuntime.ownedStart(a));
        assertEquals(11, ParallelRuntime.length(a));
        ParallelRuntime.checkAligned(a, rows);
        for (int i = 0; i < a.length; i++) {
          a[i] = start + i;
        }
        long[] l = ParallelRuntime.newLongArray(11, rows);
        assertEquals(counts[r], l.length);
        assertEquals(counts[r], ParallelRuntime.newBooleanArray(11, rows).length);
        return ParallelRuntime.replicate(a);
      });
      double[] expected = new double[11];
      for (int i = 0; i < 11; i++) {
        expected[i] = i;
      }
      for (double[] whole : out) {
        assertArrayEquals(expected, whole, p + " ranks");
      }
    }
  }

  @Test
  void anotherCountOrWholeRowsGiveBlocks() throws Exception {
    for (int p = 1; p <= 4; p++) {
      int ranks = p;
      long[] counts = counts(p);
      SimulatedRanks.run(p, r -> {
        long start = 0;
        for (int k = 0; k < r; k++) {
          start += counts[k];
        }
        Object rows = new Object();
        DistributedArrays.register(rows, 11, start, counts[r]);
        double[] plusOne = ParallelRuntime.newDoubleArray(12, rows);
        assertEquals(BlockDistribution.count(12, ranks, r), plusOne.length);
        assertEquals(BlockDistribution.start(12, ranks, r), ParallelRuntime.ownedStart(plusOne));
        double[] whole = ParallelRuntime.newDoubleArray(11, new Object()); // rows every rank holds whole
        assertEquals(BlockDistribution.count(11, ranks, r), whole.length);
        assertThrows(NegativeArraySizeException.class, () -> ParallelRuntime.newIntArray(-1, rows));
        return null;
      });
    }
  }
}
