package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A halo whose elements are rows ({@link RowExchange}): on 1–4 simulated ranks each holding a block of a
 * jagged {@code double[][]} (null rows too) or {@code float[][]}, every row a loop over its rows reads at
 * {@code i - 2 .. i + 2} equals the global row, including when a block holds fewer rows than the halo.
 */
class HaloRowsTest {

  private static double[][] grid(int n) {
    double[][] g = new double[n][];
    for (int i = 0; i < n; i++) {
      if (i % 5 != 3) {
        g[i] = new double[i % 3 + 1];
        for (int j = 0; j < g[i].length; j++) {
          g[i][j] = i * 10 + j + 0.5;
        }
      }
    }
    return g;
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void rowsAroundTheBlockComeFromTheRanksHoldingThem(int p) throws Exception {
    for (int n : new int[] {0, 1, 2, 3, 7, 20}) {
      double[][] g = grid(n);
      SimulatedRanks.run(p, r -> {
        int start = (int) BlockDistribution.start(n, p, r);
        double[][] chunk = Arrays.copyOfRange(g, start, start + (int) BlockDistribution.count(n, p, r));
        DistributedArrays.register(chunk, n, start);
        Halo h = Halo.exchange(chunk, -2, 2, start, start + chunk.length);
        for (int i = start; i < start + chunk.length; i++) {
          for (int c = -2; c <= 2; c++) {
            int at = i + c;
            if (at >= 0 && at < n) {
              double[] row = (double[]) Halo.read(chunk, at, h);
              assertArrayEquals(g[at], row, "row " + at);
              if (g[at] == null) {
                assertNull(row);
              } else if (at < start || at >= start + chunk.length) {
                assertNotSame(g[at], row, "a fetched row is a copy");
              }
            } else {
              ArrayIndexOutOfBoundsException e = assertThrows(ArrayIndexOutOfBoundsException.class,
                  () -> Halo.read(chunk, at, h));
              assertEquals("Index " + at + " out of bounds for length " + n, e.getMessage());
            }
          }
        }
        return 0;
      });
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3})
  void floatRowsTravelBitForBit(int p) throws Exception {
    int n = 6;
    float[][] g = new float[n][];
    for (int i = 0; i < n; i++) {
      g[i] = new float[] {Float.intBitsToFloat(0x7fc00001 + i), -0.0f, i};
    }
    SimulatedRanks.run(p, r -> {
      int start = (int) BlockDistribution.start(n, p, r);
      float[][] chunk = Arrays.copyOfRange(g, start, start + (int) BlockDistribution.count(n, p, r));
      DistributedArrays.register(chunk, n, start);
      Halo h = Halo.exchange(chunk, -1, 1, start, start + chunk.length);
      for (int at = Math.max(0, start - 1); at < Math.min(n, start + chunk.length + 1); at++) {
        float[] row = (float[]) Halo.read(chunk, at, h);
        for (int j = 0; j < 3; j++) {
          assertEquals(Float.floatToRawIntBits(g[at][j]), Float.floatToRawIntBits(row[j]));
        }
      }
      return 0;
    });
  }
}
