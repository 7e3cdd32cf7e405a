package dev.parjit.frame.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.runtime.BlockDistribution;
import dev.parjit.runtime.SimulatedRanks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code toParquet} of distributed data on simulated ranks: a write that succeeds leaves one part per
 * rank that reads back as the frame; a write that fails on one rank fails on every rank and leaves
 * no part file at all (the sequential write appears whole or not at all), not the parts of the ranks
 * that succeeded.
 */
class DistributedWriteTest {

  @TempDir
  Path dir;

  private static DataFrame counting(int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = 3L * i;
    }
    return DataFrame.of("v", v);
  }

  private static DataFrame chunk(DataFrame whole, int ranks, int r) {
    int n = whole.numRows();
    int start = (int) BlockDistribution.start(n, ranks, r);
    return Placements.register(whole.slice(start, (int) BlockDistribution.count(n, ranks, r)), n, start);
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void aWriteFailingOnOneRankLeavesNoPartFile(int ranks) throws Exception {
    DataFrame whole = counting(5);
    String out = dir.resolve("out-" + ranks).toString();
    // An earlier complete write, then one whose last rank fails (its chunk was closed under it).
    SimulatedRanks.run(ranks, r -> {
      DistributedFrames.toParquet(chunk(whole, ranks, r), out);
      return null;
    });
    assertEquals(whole.column("v").sum(), DataFrame.readParquet(out).column("v").sum());
    List<String> outcomes = SimulatedRanks.run(ranks, r -> {
      DataFrame mine = chunk(whole, ranks, r);
      if (r == ranks - 1) {
        mine.close();
      }
      try {
        DistributedFrames.toParquet(mine, out);
        return "written";
      } catch (RuntimeException e) {
        return e.getClass().getSimpleName();
      }
    });
    for (String outcome : outcomes) {
      assertTrue(!outcome.equals("written"), "every rank fails: " + outcomes);
    }
    try (var files = Files.list(Path.of(out))) {
      assertEquals(List.of(), files.map(f -> f.getFileName().toString()).toList(), "part files left by a failed write");
    }
  }
}
