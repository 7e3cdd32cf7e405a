package dev.parjit.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.kernel.FrameCodec;
import org.junit.jupiter.api.Test;

/** Dropped frames and series must give their Arrow memory back (Cleaner), closed ones at once. */
class MemoryLeakTest {
  @Test
  void tenThousandDroppedOperationsReturnToBaseline() throws InterruptedException {
    long baseline = settle(Long.MAX_VALUE, 10_000);
    double[] x = new double[257];
    long[] k = new long[257];
    String[] s = new String[257];
    for (int i = 0; i < x.length; i++) {
      x[i] = i * 0.25;
      k[i] = i % 7;
      s[i] = i % 5 == 0 ? null : "v" + (i % 3);
    }
    int ops = 0;
    double check = 0;
    for (int round = 0; round < 600; round++) {
      DataFrame df = DataFrame.builder().add("x", x).add("k", k).add("s", s).build();
      Series big = df.column("x").gt(10);
      DataFrame f = df.filter(big);
      check += f.select("x", "k").mean().get("x");
      check += df.groupBy("k").agg(Agg.sum("x"), Agg.count("s")).numRows();
      check += df.groupBy("s").mean().numRows();
      check += df.sortValues(false, "x").head(3).column("x").getDouble(0);
      check += df.merge(df.select("k").head(7), "k").numRows();
      check += DataFrame.concat(df, f).numRows();
      check += df.withColumn("y", df.column("x").mul(df.column("k"))).tail(5).column("y").sum();
      check += FrameCodec.decode(FrameCodec.encode(f)).numRows();
      check += df.partitionByHash(new String[] {"k"}, 3).length;
      check += df.slice(3, 100).column("s").eq("v1").and(big.slice(3, 100)).count();
      check += df.toString().length();
      DataFrame closed = df.select("x");
      closed.close();
      ops += 17;
    }
    assertTrue(ops >= 10_000, "ops " + ops);
    assertTrue(check > 0);
    long after = settle(baseline, 30_000);
    assertTrue(after <= baseline, "leaked " + (after - baseline) + " bytes (baseline " + baseline + ", now " + after + ")");
  }

  @Test
  void closeFreesImmediately() {
    System.gc();
    Series s = Series.of("x", new double[100_000]);
    long with = FrameMemory.allocatedBytes();
    s.close();
    assertTrue(FrameMemory.allocatedBytes() <= with - 800_000, "close() must free the vector now");
    DataFrame df = DataFrame.of("x", new double[100_000]);
    long withFrame = FrameMemory.allocatedBytes();
    df.close();
    assertTrue(FrameMemory.allocatedBytes() <= withFrame - 800_000);
    assertEquals(100_000, df.numRows());
  }

  /**
   * Runs the GC until allocated bytes are at most {@code target} (or stop falling when the target
   * is unknown), up to {@code timeoutMs}; returns the final value.
   */
  static long settle(long target, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    long last = Long.MAX_VALUE;
    int stable = 0;
    while (System.currentTimeMillis() < deadline) {
      System.gc();
      Thread.sleep(20);
      long now = FrameMemory.allocatedBytes();
      if (now <= target && target != Long.MAX_VALUE) return now;
      stable = now == last ? stable + 1 : 0;
      if (target == Long.MAX_VALUE && stable >= 5) return now;
      last = now;
    }
    return FrameMemory.allocatedBytes();
  }
}
