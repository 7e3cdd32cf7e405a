package dev.parjit.frame.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.runtime.BlockDistribution;
import dev.parjit.runtime.SimulatedRanks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A distributed read of a file with one row group (every row in one rank's share of whole groups)
 * on simulated ranks: each rank reads its 1D_Block rows, in order, and the counters show it did;
 * shares already even enough stay whole row groups.
 */
class ReadBalanceTest {

  @TempDir
  static Path dir;

  private record Seen(DataFrame whole, int localRows, long start, long globalRows, long balanced) { }

  @Test
  void unevenMeansTheLargestShareExceedsABlockByAQuarter() {
    assertTrue(ReadBalance.uneven(new long[] {0, 1_000_000}));
    assertTrue(ReadBalance.uneven(new long[] {0, 2, 0, 0}));
    assertFalse(ReadBalance.uneven(new long[] {500, 500}));
    assertFalse(ReadBalance.uneven(new long[] {3_000_000, 4_000_000, 3_000_000})); // 1.2 blocks
    assertTrue(ReadBalance.uneven(new long[] {2_000_000, 6_000_000, 2_000_000}));
    assertFalse(ReadBalance.uneven(new long[] {0, 0, 0}));
    assertFalse(ReadBalance.uneven(new long[] {7}));
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void aOneGroupFileIsReadInBlocks(int p) throws Exception {
    readsInBlocks(p, 1001, 0, p > 1);
  }

  /**
   * Groups of 400 rows of 1001: on 4 ranks whole groups would give {400, 0, 400, 201}, so ranks read
   * blocks that start inside a group and span two; on 2 ranks {400, 601} is even enough to stay.
   */
  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 4})
  void blocksSpanningGroupsStartInsideThem(int p) throws Exception {
    readsInBlocks(p, 1001, 400, p == 4);
  }

  private void readsInBlocks(int p, int n, int groupRows, boolean byBlocks) throws Exception {
    double[] x = new double[n];
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.5;
      k[i] = i % 7;
    }
    DataFrame original = DataFrame.builder().add("x", x).add("k", k).build();
    Path file = dir.resolve("groups-" + groupRows + "-" + p);
    if (groupRows == 0) {
      original.toParquet(file.toString()); // far fewer rows than a row group: one group
    } else {
      java.nio.file.Files.createDirectories(file);
      java.util.List<org.apache.arrow.vector.FieldVector> vectors = List.of(original.column("x").arrowVector(),
          original.column("k").arrowVector());
      dev.parjit.frame.io.parquet.ParquetColumnWriter.write(vectors, file.resolve("part-00000.parquet"),
          org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY, groupRows);
    }
    List<Seen> seen = SimulatedRanks.run(p, r -> {
      long before = FrameCounters.get(FrameCounters.BALANCED_READ_ROWS);
      DataFrame df = DistributedFrames.readParquet(file.toString(), "x", "k");
      long balanced = FrameCounters.get(FrameCounters.BALANCED_READ_ROWS) - before;
      return new Seen((DataFrame) DistributedFrames.replicate(df), df.numRows(), Placements.start(df),
          Placements.globalRows(df), balanced);
    });
    for (int r = 0; r < p; r++) {
      Seen s = seen.get(r);
      if (byBlocks) {
        assertEquals(BlockDistribution.count(n, p, r), s.localRows(), "rank " + r + " of " + p);
        assertEquals(BlockDistribution.start(n, p, r), s.start(), "rank " + r + " of " + p);
      }
      assertEquals(n, s.globalRows());
      assertEquals(byBlocks ? BlockDistribution.count(n, p, r) : 0, s.balanced(), "rows read by block on rank " + r);
      assertEquals(original.toString(), s.whole().toString());
      assertEquals(original.column("x").sum(), s.whole().column("x").sum());
    }
  }
}
