package dev.parjit.demo.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerSelectionTest {

  private static List<String> ids(List<Runner> runners) {
    return runners.stream().map(Runner::id).toList();
  }

  @Test
  void theBaselineAlwaysRunsFirstAndTheRestKeepColumnOrder() {
    assertEquals(List.of("seq", "spawn", "spark"), ids(RunnerSelection.select(Runners.all(), List.of("spark", "spawn"))));
    assertEquals(ids(Runners.all()), ids(RunnerSelection.select(Runners.all(), null)));
  }

  @Test
  void anUnknownRunnerIsRefusedNamingItAndTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunnerSelection.select(Runners.all(), List.of("spark", "sparc")));
    assertTrue(e.getMessage().startsWith("unknown runner 'sparc' (ids: seq, streams, spawn, spmd, duckdb, spark"),
        e.getMessage());
  }

  @Test
  void sparkAbsentFromThisBuildGetsOneLineSayingHowToBuildIt() {
    List<String> lines = RunnerSelection.unavailable(RunnerSelection.select(Runners.all(), List.of("spark", "duckdb")));
    if (SparkRunner.built()) { // a -Pspark build: nothing to say
      assertEquals(List.of(), lines);
    } else {
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).startsWith("spark: this build has no Spark"), lines.get(0));
      assertTrue(lines.get(0).contains("bin/parjit bench --with-spark"), lines.get(0));
      assertTrue(lines.get(0).lines().count() == 1, "one line");
    }
    assertEquals(List.of(), RunnerSelection.unavailable(RunnerSelection.select(Runners.all(), List.of("duckdb"))),
        "a runner that is always built says nothing");
  }
}
