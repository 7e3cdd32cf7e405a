package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parameter indexed as rows, re-split into blocks of whole rows on 1–4 simulated ranks and copied
 * back: every element lands on the rank owning its row (the tail on the last rank), and what the
 * rows hold on return is what the chunks hold, element for element; a chunk already in rows moves
 * nothing.
 */
class RowSplitTest {

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void elementBlocksBecomeRowBlocksAndGoBack(int p) throws Exception {
    for (int n : new int[] {0, 1, 2, 3, 5, 7, 8, 9, 17, 40}) {
      for (int k : new int[] {-1, 0, 1, 2, 3, 8}) {
        long[] g = new long[n];
        for (int i = 0; i < n; i++) {
          g[i] = 1000L * i + 7;
        }
        List<long[]> back = SimulatedRanks.run(p, r -> {
          int start = (int) BlockDistribution.start(n, p, r);
          long[] chunk = java.util.Arrays.copyOfRange(g, start, start + BlockDistribution.count(n, p, r));
          DistributedArrays.register(chunk, n, start);
          long[] rows = (long[]) ParallelRuntime.rowBlocksOf(chunk, k);
          DistributedArrays.Chunk c = DistributedArrays.lookup(rows);
          long from = RowSplit.rowStart(n, k, p, r);
          assertEquals(from, c.start(), "n=" + n + " k=" + k + " rank " + r);
          assertArrayEquals(java.util.Arrays.copyOfRange(g, (int) from, (int) RowSplit.rowEnd(n, k, p, r)), rows,
              "n=" + n + " k=" + k + " rank " + r);
          for (int i = 0; i < rows.length; i++) {
            rows[i] = -rows[i];
          }
          ParallelRuntime.rowBlocksBack(rows, chunk, k);
          return chunk;
        });
        long[] all = back.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        long[] expected = java.util.Arrays.stream(g).map(v -> -v).toArray();
        assertArrayEquals(expected, all, "n=" + n + " k=" + k);
      }
    }
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3})
  void aChunkAlreadyInRowsIsKeptAndOtherElementTypesTravelExactly(int p) throws Exception {
    int n = 6 * p + 1;
    SimulatedRanks.run(p, r -> {
      long from = RowSplit.rowStart(n, 3, p, r);
      int len = (int) (RowSplit.rowEnd(n, 3, p, r) - from);
      float[] f = new float[len];
      DistributedArrays.register(f, n, from);
      assertSame(f, ParallelRuntime.rowBlocksOf(f, 3), "rows of 3 already");
      int start = (int) BlockDistribution.start(n, p, r);
      boolean[] z = new boolean[BlockDistribution.count(n, p, r)];
      char[] ch = new char[z.length];
      float[] fl = new float[z.length];
      for (int i = 0; i < z.length; i++) {
        z[i] = (start + i) % 3 == 0;
        ch[i] = (char) (60000 + start + i);
        fl[i] = Float.intBitsToFloat(0x7fc00001 + start + i); // NaN payloads must survive
      }
      for (Object a : new Object[] {z, ch, fl}) {
        DistributedArrays.register(a, n, start);
        Object rows = ParallelRuntime.rowBlocksOf(a, 2);
        long at = DistributedArrays.lookup(rows).start();
        for (int i = 0; i < java.lang.reflect.Array.getLength(rows); i++) {
          int g = (int) at + i;
          Object v = java.lang.reflect.Array.get(rows, i);
          Object want = a instanceof boolean[] ? (Object) (g % 3 == 0) : a instanceof char[] ? (Object) (char) (60000 + g)
              : (Object) Float.intBitsToFloat(0x7fc00001 + g);
          if (v instanceof Float x) {
            assertEquals(Float.floatToRawIntBits((Float) want), Float.floatToRawIntBits(x));
          } else {
            assertEquals(want, v);
          }
        }
      }
      return null;
    });
  }
}
