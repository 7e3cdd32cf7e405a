package dev.parjit.it.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import dev.parjit.runtime.BlockDistribution;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every frame kernel without the agent (this JVM: the oracle) and in SPMD mode on 1–4 ranks, over
 * a multi-part dataset, one with fewer rows than ranks, and an empty one: every rank's results
 * equal the oracle's, numbers within a relative tolerance of 1e-9 (floating reductions change
 * order) or 1.5e-6 absolute on printed six-decimal values.
 */
class FrameDifferentialTest {

  /** The kernels are marked by pattern, not annotation. */
  static final String JIT = "jit=" + FrameKernels.class.getName() + "#*";

  @TempDir
  static Path data;

  static List<String> oracle;

  @BeforeAll
  static void writeDataAndRunTheOracle() throws Exception {
    FrameData.write(FrameData.table(DATASET_ROWS[0]), data.resolve("full"), 3, 400);
    FrameData.write(FrameData.table(DATASET_ROWS[1]), data.resolve("tiny"), 1, 1);
    FrameData.write(FrameData.table(DATASET_ROWS[2]), data.resolve("empty"), 1, 1);
    FrameData.csv(data.resolve("table.csv"), 1001);
    Files.createDirectories(data.resolve("scratch-oracle"));
    oracle = FrameRunner.results(data, data.resolve("scratch-oracle"));
  }

  static String classpath() {
    return JobRunner.frameClasspath();
  }

  static List<String> runSpmd(int ranks, Path scratch, String agentOptions) throws Exception {
    Path agent = JobRunner.root().resolve("agent/target/parjit-agent.jar");
    List<String> cmd = new ArrayList<>(List.of(JobRunner.java(), "-cp", JobRunner.moduleClasspath("mpi"),
        "dev.parjit.mpi.launch.LauncherMain", "--agent", agent.toString()));
    cmd.addAll(List.of("--agent-options", JIT + (agentOptions == null ? "" : "," + agentOptions)));
    cmd.addAll(List.of("-np", Integer.toString(ranks), "-Dparjit.failOnTransformError=true", "-cp", classpath(),
        FrameRunner.class.getName(), data.toString(), scratch.toString()));
    JobRunner.Finished run = JobRunner.runCommand(cmd, 240);
    assertEquals(0, run.exitCode(), run.text());
    return run.lines();
  }

  /** Token-wise equality, numbers within tolerance. */
  static void assertSameValue(String expected, String actual, String where) {
    if (expected.equals(actual)) {
      return;
    }
    String[] e = expected.split("[\\s]+|\\\\n");
    String[] a = actual.split("[\\s]+|\\\\n");
    assertEquals(e.length, a.length, where + "\nexpected " + expected + "\nactual   " + actual);
    for (int i = 0; i < e.length; i++) {
      if (e[i].equals(a[i])) {
        continue;
      }
      try {
        double x = Double.parseDouble(e[i]);
        double y = Double.parseDouble(a[i]);
        assertTrue(Math.abs(x - y) <= 1e-9 * Math.abs(x) + 1.5e-6,
            where + ": " + x + " vs " + y + "\nexpected " + expected + "\nactual   " + actual);
      } catch (NumberFormatException nfe) {
        assertEquals(expected, actual, where);
      }
    }
  }

  static List<String> runSpawn(int workers, Path scratch) throws Exception {
    Path agent = JobRunner.root().resolve("agent/target/parjit-agent.jar");
    JobRunner.Finished run = JobRunner.runCommand(List.of(JobRunner.java(),
        "-javaagent:" + agent + "=" + JIT + ",workers=" + workers, "-Dparjit.failOnTransformError=true",
        "-cp", classpath(), FrameRunner.class.getName(), data.toString(), scratch.toString()), 240);
    assertEquals(0, run.exitCode(), run.text());
    return run.lines();
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 3, 4})
  void spawnModeGivesTheSequentialAnswers(int workers) throws Exception {
    Path scratch = Files.createDirectories(data.resolve("spawn-" + workers));
    List<String> output = runSpawn(workers, scratch);
    List<String> results = output.stream().filter(l -> l.startsWith("RESULT ")).toList();
    assertEquals(oracle.size(), results.size(), String.join("\n", output));
    for (int i = 0; i < oracle.size(); i++) {
      assertSameValue(oracle.get(i), results.get(i), workers + " workers");
    }
    assertEquals(0, stat(output, "callsRunOnDriverAfterFailure"), "a call fell back to the driver\n"
        + String.join("\n", output));
    // The caller's frame and series arguments (one call each per dataset) reached each worker as its
    // block only: a broadcast of the whole frame, or a run on the driver, would count other rows.
    for (int r = 0; r < workers; r++) {
      long expected = 0;
      for (int rows : DATASET_ROWS) {
        expected += 2L * BlockDistribution.count(rows, workers, r);
      }
      assertEquals(expected, stat(output, "worker" + r + "FrameScatteredRows"), "rows scattered to worker " + r);
    }
  }

  /** Rows of the datasets of {@link FrameRunner#DATASETS}, in that order. */
  static final int[] DATASET_ROWS = {5003, 2, 0};

  /** The value of a {@code STAT name value} line (0 when absent: a counter never touched). */
  static long stat(List<String> output, String name) {
    return output.stream().filter(l -> l.startsWith("STAT " + name + " ")).findFirst()
        .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).orElse(0L);
  }

  @Test
  void theOracleAnswersEverything() {
    for (String line : oracle) {
      assertFalse(line.contains(" ERROR "), line);
    }
    assertTrue(oracle.contains("RESULT seed n8a1      A\\n0  1.0\\n1  2.0\\n2  3.0"), String.join("\n", oracle));
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyRankGivesTheSequentialAnswers(int ranks) throws Exception {
    Path scratch = Files.createDirectories(data.resolve("scratch-" + ranks));
    List<String> output = runSpmd(ranks, scratch, null);
    for (int r = 0; r < ranks; r++) {
      String prefix = "[rank " + r + "] ";
      List<String> mine = output.stream().filter(l -> l.startsWith(prefix + "RESULT "))
          .map(l -> l.substring(prefix.length())).toList();
      assertEquals(oracle.size(), mine.size(), "rank " + r + "\n" + String.join("\n", output));
      for (int i = 0; i < oracle.size(); i++) {
        assertSameValue(oracle.get(i), mine.get(i), "rank " + r + " of " + ranks);
      }
    }
  }
}
