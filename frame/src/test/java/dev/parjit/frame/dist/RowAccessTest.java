package dev.parjit.frame.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * Two series whose identity hashes name the same entry of the placement table, read in turn as a
   * loop over both reads them, each keep an entry: after the first reads nothing is looked up or
   * allocated per element (one entry per hash made them evict each other at every read, allocating a
   * weak reference and an entry each time).
   */
  @Test
  void seriesSharingAnEntryAreReadWithoutAllocating() {
    java.util.Map<Integer, Series> byEntry = new java.util.HashMap<>();
    Series a = null;
    Series b = null;
    for (int k = 0; a == null; k++) { // birthday: two of a few dozen series share one of 64 entries
      Series s = Placements.register(counting("s" + k, 30, 1000 * k), 100, 10);
      Series other = byEntry.putIfAbsent(System.identityHashCode(s) & 63, s);
      if (other != null) {
        a = other;
        b = s;
      }
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    double expected = 0;
    for (int i = 10; i < 40; i++) {
      expected += DistributedFrames.localDouble(a, i) + DistributedFrames.localDouble(b, i);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    double sum = 0;
    for (int round = 0; round < 1000; round++) {
      for (int i = 10; i < 40; i++) {
        sum += DistributedFrames.localDouble(a, i) + DistributedFrames.localDouble(b, i);
      }
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(1000 * expected, sum);
    assertTrue(allocated < 60_000 * 8, "60,000 reads of two series sharing an entry allocated " + allocated + " bytes");
  }
}
