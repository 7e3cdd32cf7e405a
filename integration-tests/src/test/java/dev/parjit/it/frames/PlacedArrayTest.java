package dev.parjit.it.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.dist.FrameCounters;
import dev.parjit.it.JobRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlacedArrayKernels} without the agent (the oracle, a child JVM) and with it, SPMD and spawn
 * on 1–4 ranks, over a Parquet directory whose part files and row groups give ranks uneven shares of
 * rows, one with fewer rows than ranks, an empty one and a CSV table (split by lines): every rank prints the oracle's results and
 * lines, and the row loops ran chunked on every rank (each row of each dataset read once per parallel
 * row loop, over all ranks).
 */
public class PlacedArrayTest {

  /** The kernels are marked by pattern, not annotation. */
  static final String JIT = "jit=" + PlacedArrayKernels.class.getName() + "#*";

  /**
   * Chunked row loops per row of a dataset: scaled, usedAfter (two over the frame) and passed's writer.
   * printed's array goes to code Parjit does not model, and sizedPlusOne's is one element longer than the
   * frame's rows (NOT_ROW_PLACED): both are REP, and their loops run whole on every rank. The filtered
   * kernels' loops run over fewer rows and are counted by {@link #FILTERED_LOOPS}.
   */
  static final int LOOPS_PER_ROW = 4;

  /** Row loops over the rows whose speed is above 24 (filtered) and at most 24 (seriesSized). */
  static final int FILTERED_LOOPS = 1;

  @TempDir
  static Path data;

  static List<String> oracle;

  @BeforeAll
  static void writeDataAndRunTheOracle() throws Exception {
    PlacedArrayRunner.writeDatasets(data);
    JobRunner.Finished run = JobRunner.runCommand(JobRunner.javaCommand("-cp", JobRunner.frameClasspath(),
        PlacedArrayRunner.class.getName(), data.toString()), 120);
    assertEquals(0, run.exitCode(), run.text());
    oracle = observable(run.lines(), "");
    assertEquals(PlacedArrayRunner.DATASETS.size() * 7 + 1, oracle.stream().filter(l -> l.startsWith("RESULT ")).count(),
        run.text());
    assertTrue(oracle.stream().noneMatch(l -> l.contains("ERROR")), run.text());
  }

  /** The result and printed lines of {@code prefix} (a rank's), without it. */
  static List<String> observable(List<String> lines, String prefix) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith(prefix + "RESULT ") || l.startsWith(prefix + "printed ")) {
        out.add(l.substring(prefix.length()));
      }
    }
    return out;
  }

  private static void assertOracle(List<String> mine, List<String> output, String where) {
    assertEquals(oracle.size(), mine.size(), where + "\n" + String.join("\n", output));
    for (int i = 0; i < oracle.size(); i++) {
      FrameDifferentialTest.assertSameValue(oracle.get(i), mine.get(i), where);
    }
  }

  /** Rows every parallel row loop of the kernels reads over all ranks together. */
  private static long expectedRowLoopRows() {
    long rows = 0;
    for (String l : oracle) {
      // scaled's result lists one element per row of its dataset
      if (l.startsWith("RESULT scaled ")) {
        String list = l.substring(l.indexOf('['));
        rows += list.equals("[]") ? 0 : list.split(",").length;
      }
    }
    long filtered = 0;
    for (String l : oracle) {
      if (l.startsWith("RESULT filtered ")) {
        String list = l.substring(l.indexOf('['));
        filtered += list.equals("[]") ? 0 : list.split(",").length;
      }
      if (l.startsWith("RESULT seriesSized ")) {
        filtered += Long.parseLong(l.split(" ")[3]);
      }
    }
    return LOOPS_PER_ROW * rows + FILTERED_LOOPS * filtered + PlacedArrayRunner.CSV_ROWS; // csvScaled's loop
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void spmdRanksGiveTheSequentialAnswers(int ranks) throws Exception {
    List<String> cmd = JobRunner.launcherCommand("--agent", JobRunner.agentJar().toString(),
        "--agent-options", JIT, "-np", Integer.toString(ranks), "-Dparjit.failOnTransformError=true",
        "-cp", JobRunner.frameClasspath(), PlacedArrayRunner.class.getName(), data.toString());
    JobRunner.Finished run = JobRunner.runCommand(cmd, 240);
    assertEquals(0, run.exitCode(), run.text());
    long total = 0;
    for (int r = 0; r < ranks; r++) {
      String prefix = "[rank " + r + "] ";
      assertOracle(observable(run.lines(), prefix), run.lines(), "rank " + r + " of " + ranks);
      long mine = FrameDifferentialTest.counter(run.lines(), prefix + "COUNTER " + FrameCounters.ROW_LOOP_ROWS);
      assertTrue(mine > 0, "rank " + r + " read no rows in row loops\n" + run.text());
      total += mine;
    }
    assertEquals(expectedRowLoopRows(), total, "rows read by row loops over " + ranks + " ranks\n" + run.text());
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 3, 4})
  void spawnWorkersGiveTheSequentialAnswers(int workers) throws Exception {
    List<String> cmd = JobRunner.javaCommand(
        "-javaagent:" + JobRunner.agentJar() + "=" + JIT + ",workers=" + workers,
        "-Dparjit.failOnTransformError=true",
        "-cp", JobRunner.frameClasspath(), PlacedArrayRunner.class.getName(), data.toString());
    JobRunner.Finished run = JobRunner.runCommand(cmd, 240);
    assertEquals(0, run.exitCode(), run.text());
    assertOracle(observable(run.lines(), ""), run.lines(), workers + " workers");
    assertEquals(0, FrameDifferentialTest.counter(run.lines(), "STAT callsRunOnDriverAfterFailure"),
        "a call fell back to the driver\n" + run.text());
    long total = 0;
    for (int r = 0; r < workers; r++) {
      long mine = FrameDifferentialTest.counter(run.lines(),
          FrameDifferentialTest.workerStat(r).apply(FrameCounters.ROW_LOOP_ROWS));
      assertTrue(mine > 0, "worker " + r + " read no rows in row loops\n" + run.text());
      total += mine;
    }
    assertEquals(expectedRowLoopRows(), total, "rows read by row loops over " + workers + " workers\n" + run.text());
  }
}
