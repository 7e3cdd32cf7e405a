package dev.parjit.frame.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.frame.Series;
import dev.parjit.runtime.DistributedArrays;
import org.junit.jupiter.api.Test;

/** Elements of distributed series by global row, as chunked row loops read them. */
class RowAccessTest {

  private static Series counting(String name, int n, double base) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = base + i;
    }
    return Series.of(name, v);
  }

  @Test
  void seriesReadInTurnEachUseTheirOwnStart() {
    Series a = Placements.register(counting("a", 30, 100), 100, 10);
    Series b = Placements.register(counting("b", 30, 500), 100, 20);
    for (int i = 20; i < 40; i++) {
      assertEquals(100 + i - 10, DistributedFrames.localDouble(a, i));
      assertEquals(500 + i - 20, DistributedFrames.localDouble(b, i));
    }
  }

  @Test
  void aSeriesNoLongerRegisteredIsReadWhole() {
    Series a = Placements.register(counting("a", 30, 100), 100, 10);
    assertEquals(105, DistributedFrames.localDouble(a, 15));
    DistributedArrays.clear(); // a worker between jobs: what was cached about a no longer holds
    assertEquals(115, DistributedFrames.localDouble(a, 15));
    Placements.register(a, 100, 5);
    assertEquals(110, DistributedFrames.localDouble(a, 15));
  }
}
