package dev.parjit.it.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.dist.FrameCounters;
import dev.parjit.it.JobRunner;
import dev.parjit.runtime.BlockDistribution;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
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
public class FrameDifferentialTest {

  /** The kernels are marked by pattern, not annotation. */
  public static final String JIT = "jit=" + FrameKernels.class.getName() + "#*";

  @TempDir
  static Path data;

  static List<String> oracle;

  @BeforeAll
  static void writeDataAndRunTheOracle() throws Exception {
    FrameRunner.writeDatasets(data);
    Files.createDirectories(data.resolve("scratch-oracle"));
    oracle = FrameRunner.results(data, data.resolve("scratch-oracle"));
  }

  static String classpath() {
    return JobRunner.frameClasspath();
  }

  static List<String> runSpmd(int ranks, Path scratch, String agentOptions, String... jvmOptions) throws Exception {
    Path agent = JobRunner.agentJar();
    List<String> cmd = JobRunner.launcherCommand("--agent", agent.toString());
    cmd.addAll(List.of("--agent-options", JIT + (agentOptions == null ? "" : "," + agentOptions)));
    cmd.addAll(List.of("-np", Integer.toString(ranks), "-Dparjit.failOnTransformError=true"));
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-cp", classpath(),
        FrameRunner.class.getName(), data.toString(), scratch.toString()));
    JobRunner.Finished run = JobRunner.runCommand(cmd, 240);
    assertEquals(0, run.exitCode(), run.text());
    return run.lines();
  }

  /** Token-wise equality, numbers within tolerance. */
  public static void assertSameValue(String expected, String actual, String where) {
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

  static List<String> runSpawn(int workers, Path scratch, String... jvmOptions) throws Exception {
    Path agent = JobRunner.agentJar();
    List<String> cmd = JobRunner.javaCommand(
        "-javaagent:" + agent + "=" + JIT + ",workers=" + workers, "-Dparjit.failOnTransformError=true");
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-cp", classpath(), FrameRunner.class.getName(), data.toString(), scratch.toString()));
    JobRunner.Finished run = JobRunner.runCommand(cmd, 240);
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
    assertEquals(0, counter(output, "STAT callsRunOnDriverAfterFailure"), "a call fell back to the driver\n"
        + String.join("\n", output));
    // The caller's frame and series arguments (one call each per dataset) reached each worker as its
    // block only: a broadcast of the whole frame, or a run on the driver, would count other rows.
    for (int r = 0; r < workers; r++) {
      long expected = 0;
      for (int rows : FrameRunner.DATASET_ROWS) {
        expected += 2L * BlockDistribution.count(rows, workers, r);
      }
      assertEquals(expected, counter(output, workerStat(r).apply(FrameCounters.SCATTERED_ROWS)),
          "rows scattered to worker " + r);
      assertJoinsRanDistributed(output, workerStat(r), "worker " + r, false);
      assertSortAndGroupByRanDistributed(output, workerStat(r), "worker " + r);
      assertGroupPartialsMet(output, workerStat(r), "worker " + r, false);
      assertOneGroupReadsWereBalanced(output, workerStat(r), "worker " + r, workers);
      // Small fixed-width lazy results (the integer-keyed group-bys) went to the driver with the call's answer.
      assertTrue(counter(output, workerStat(r).apply(FrameCounters.LAZY_ROWS_SENT_WHOLE)) > 0,
          "worker " + r + " sent no lazy result whole\n" + String.join("\n", output));
    }
    // Results with string columns are still fetched when the driver reads them.
    assertTrue(counter(output, workerStat(0).apply(FrameCounters.LAZY_ROWS_FETCHED)) > 0, String.join("\n", output));
    assertRowLoopsRanDistributed(output, FrameDifferentialTest::workerStat, workers, FrameRunner.ROW_LOOPS_PER_ROW);
    assertReplicatedFramesWrittenOnce(output, FrameDifferentialTest::workerStat, workers);
    assertQuotedCsvReadWholeWhenCut(output, FrameDifferentialTest::workerStat, workers);
  }

  /**
   * On 3 and 4 ranks a range boundary of quoted.csv falls inside a quoted field spanning lines (on 1
   * and 2 none does): every rank saw the ranges disagree and rank 0 read the file whole.
   */
  static void assertQuotedCsvReadWholeWhenCut(List<String> output, java.util.function.IntFunction<Function<String, String>> line,
      int ranks) {
    for (int r = 0; r < ranks; r++) {
      long whole = counter(output, line.apply(r).apply(FrameCounters.CSV_WHOLE_READS));
      assertEquals(ranks >= 3 ? 1 : 0, whole, "rank " + r + " of " + ranks + ": CSV reads done whole\n" + String.join("\n", output));
    }
  }

  /**
   * Replicated frames written inside {@code @Jit} code (summaryWrittenOnce; in SPMD mode the frame
   * lazyPipeline passes back in too) were written by rank 0 alone: every rank writing the same
   * files, or none of them through the distributed write, would count otherwise.
   */
  static void assertReplicatedFramesWrittenOnce(List<String> output, java.util.function.IntFunction<Function<String, String>> line,
      int ranks) {
    assertTrue(counter(output, line.apply(0).apply(FrameCounters.REPLICATED_ROWS_WRITTEN)) > 0,
        "rank 0 wrote no replicated frame\n" + String.join("\n", output));
    for (int r = 1; r < ranks; r++) {
      assertEquals(0, counter(output, line.apply(r).apply(FrameCounters.REPLICATED_ROWS_WRITTEN)),
          "rank " + r + " wrote replicated rows");
    }
  }

  /**
   * Each rank's chunked row loops over distributed series read rows of the full dataset, and together
   * the ranks read every row of every dataset once per such loop ({@code loopsPerRow} of them): a
   * loop left sequential, run on the driver, or run whole on every rank would count otherwise.
   */
  static void assertRowLoopsRanDistributed(List<String> output, java.util.function.IntFunction<Function<String, String>> line,
      int ranks, int loopsPerRow) {
    long total = 0;
    for (int r = 0; r < ranks; r++) {
      long mine = counter(output, line.apply(r).apply(FrameCounters.ROW_LOOP_ROWS));
      assertTrue(mine > 0, "rank " + r + " read no rows in row loops\n" + String.join("\n", output));
      total += mine;
    }
    long rows = 0;
    for (int n : FrameRunner.DATASET_ROWS) {
      rows += n;
    }
    assertEquals(loopsPerRow * rows, total, "rows read by row loops over " + ranks + " ranks");
  }

  /**
   * Every rank probed join rows against a broadcast side (the joins' smaller sides fit the default
   * threshold) and shuffled none, or with {@code shuffled} the reverse: a join run sequentially on
   * the driver, or on one rank, would leave some rank's counters at zero.
   */
  static void assertJoinsRanDistributed(List<String> output, Function<String, String> line, String where,
      boolean shuffled) {
    long probed = counter(output, line.apply(FrameCounters.JOIN_PROBED_ROWS));
    long broadcast = counter(output, line.apply(FrameCounters.JOIN_BROADCAST_ROWS));
    long shuffledRows = counter(output, line.apply(FrameCounters.JOIN_SHUFFLED_ROWS));
    if (shuffled) {
      assertTrue(shuffledRows > 0, where + " shuffled no join rows\n" + String.join("\n", output));
    } else {
      assertTrue(probed > 0 && broadcast > 0, where + " probed " + probed + " rows against " + broadcast
          + " broadcast rows\n" + String.join("\n", output));
      assertEquals(0, shuffledRows, where + " shuffled join rows");
    }
  }

  /** Every rank sorted and grouped rows of its own (the full dataset gives every rank rows). */
  static void assertSortAndGroupByRanDistributed(List<String> output, Function<String, String> line, String where) {
    assertTrue(counter(output, line.apply(FrameCounters.SORTED_ROWS)) > 0, where + " sorted no rows\n"
        + String.join("\n", output));
    assertTrue(counter(output, line.apply(FrameCounters.GROUPED_ROWS)) > 0, where + " grouped no rows\n"
        + String.join("\n", output));
  }

  /**
   * The group-bys' partials met the way the threshold says: gathered on every rank (the datasets'
   * few groups, by default) or, with {@code shuffled}, shuffled by key range; never the other way.
   */
  static void assertGroupPartialsMet(List<String> output, Function<String, String> line, String where,
      boolean shuffled) {
    long gathered = counter(output, line.apply(FrameCounters.GROUP_PARTIALS_GATHERED));
    long shuffledRows = counter(output, line.apply(FrameCounters.GROUP_PARTIALS_SHUFFLED));
    assertTrue((shuffled ? shuffledRows : gathered) > 0 && (shuffled ? gathered : shuffledRows) == 0,
        where + " gathered " + gathered + " and shuffled " + shuffledRows + " partial rows\n" + String.join("\n", output));
  }

  /**
   * On more than one rank, every rank received rows of the one-row-group dataset (read whole by one
   * rank, then moved to blocks): without the move, steps over a loaded frame ran on one rank.
   */
  static void assertOneGroupReadsWereBalanced(List<String> output, Function<String, String> line, String where,
      int ranks) {
    long balanced = counter(output, line.apply(FrameCounters.BALANCED_READ_ROWS));
    if (ranks == 1) {
      assertEquals(0, balanced, where + " moved rows of a read on one rank");
    } else {
      assertTrue(balanced > 0, where + " received no rows of an uneven read\n" + String.join("\n", output));
    }
  }

  /** The value of the line starting with {@code prefix + " "} (0 when absent). */
  static long counter(List<String> output, String prefix) {
    return output.stream().filter(l -> l.startsWith(prefix + " ")).findFirst()
        .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).orElse(0L);
  }

  /** The line naming a frame counter of worker {@code r} in the driver's {@code Parjit.stats()}. */
  static Function<String, String> workerStat(int r) {
    return name -> "STAT worker" + r + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The line naming a frame counter of SPMD rank {@code r}, printed by the rank itself. */
  static Function<String, String> rankCounter(int r) {
    return name -> "[rank " + r + "] COUNTER " + name;
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
      assertJoinsRanDistributed(output, rankCounter(r), "rank " + r, false);
      assertSortAndGroupByRanDistributed(output, rankCounter(r), "rank " + r);
      assertGroupPartialsMet(output, rankCounter(r), "rank " + r, false);
      assertOneGroupReadsWereBalanced(output, rankCounter(r), "rank " + r, ranks);
    }
    assertRowLoopsRanDistributed(output, FrameDifferentialTest::rankCounter, ranks,
        FrameRunner.ROW_LOOPS_PER_ROW - FrameRunner.ROW_LOOPS_OVER_RETURNED_FRAMES);
    assertReplicatedFramesWrittenOnce(output, FrameDifferentialTest::rankCounter, ranks);
    assertQuotedCsvReadWholeWhenCut(output, FrameDifferentialTest::rankCounter, ranks);
  }

  /**
   * With thresholds nothing fits, every join shuffles both sides, every group-by shuffles its
   * partials by key range and every lazy result of spawn mode is fetched when read, none sent whole
   * (spawn mode passes the properties to its workers, the launcher to its ranks), and all still give
   * the sequential answers.
   */
  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3})
  void shuffledJoinsAndGroupByPartialsGiveTheSequentialAnswers(int ranks) throws Exception {
    List<String> spmd = runSpmd(ranks, Files.createDirectories(data.resolve("shuffle-spmd-" + ranks)), null,
        NOTHING_BROADCAST, NOTHING_GATHERED);
    List<String> spawn = runSpawn(ranks, Files.createDirectories(data.resolve("shuffle-spawn-" + ranks)),
        NOTHING_BROADCAST, NOTHING_GATHERED, NOTHING_SENT_WHOLE);
    for (int r = 0; r < ranks; r++) {
      String prefix = "[rank " + r + "] ";
      List<String> mine = spmd.stream().filter(l -> l.startsWith(prefix + "RESULT "))
          .map(l -> l.substring(prefix.length())).toList();
      List<String> fromSpawn = spawn.stream().filter(l -> l.startsWith("RESULT ")).toList();
      assertEquals(oracle.size(), mine.size(), String.join("\n", spmd));
      assertEquals(oracle.size(), fromSpawn.size(), String.join("\n", spawn));
      for (int i = 0; i < oracle.size(); i++) {
        assertSameValue(oracle.get(i), mine.get(i), "rank " + r + " of " + ranks + ", shuffled joins");
        assertSameValue(oracle.get(i), fromSpawn.get(i), ranks + " workers, shuffled joins");
      }
      assertJoinsRanDistributed(spmd, rankCounter(r), "rank " + r, true);
      assertJoinsRanDistributed(spawn, workerStat(r), "worker " + r, true);
      assertGroupPartialsMet(spmd, rankCounter(r), "rank " + r, true);
      assertGroupPartialsMet(spawn, workerStat(r), "worker " + r, true);
      assertEquals(0, counter(spawn, workerStat(r).apply(FrameCounters.LAZY_ROWS_SENT_WHOLE)), String.join("\n", spawn));
      assertTrue(counter(spawn, workerStat(r).apply(FrameCounters.LAZY_ROWS_FETCHED)) > 0,
          "worker " + r + " sent no fetched rows\n" + String.join("\n", spawn));
    }
    assertEquals(0, counter(spawn, "STAT callsRunOnDriverAfterFailure"), String.join("\n", spawn));
  }

  static final String NOTHING_BROADCAST = "-Dparjit.broadcastJoinBytes=-1";
  static final String NOTHING_GATHERED = "-Dparjit.groupByGatherBytes=-1";
  static final String NOTHING_SENT_WHOLE = "-Dparjit.lazyWholeBytes=-1";
}
