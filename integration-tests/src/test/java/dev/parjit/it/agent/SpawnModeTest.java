package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import dev.parjit.it.effects.programs.ResidentFailure;
import dev.parjit.it.effects.programs.ResidentSolver;
import dev.parjit.it.kernels.KernelRunner;
import dev.parjit.it.kernels.SpmdDifferentialTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spawn mode: the driver ships @Jit calls to 1–4 worker processes. */
class SpawnModeTest {

  static List<String> runDriver(int workers, String mainClass) throws Exception {
    return runDriver(workers, mainClass, "-Dparjit.failOnTransformError=true");
  }

  /** The driver with the agent and {@code workers} workers, the JVM option {@code option} given too. */
  static List<String> runDriver(int workers, String mainClass, String option) throws Exception {
    Path agent = JobRunner.agentJar();
    JobRunner.Finished run = JobRunner.runCommand(JobRunner.javaCommand(
        "-javaagent:" + agent + "=workers=" + workers + ",log=info",
        "-Dparjit.failOnTransformError=true", option, "-cp", JobRunner.testClasses().toString(),
        mainClass), 180);
    assertEquals(0, run.exitCode(), run.text());
    return run.lines();
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 3, 4})
  void theDriverPrintsTheSequentialResults(int workers) throws Exception {
    List<String> oracle = new ArrayList<>(KernelRunner.results());
    oracle.add("RESULT printIterations 10 10");
    List<String> output = runDriver(workers, KernelRunner.class.getName());
    List<String> results = output.stream().filter(l -> l.startsWith("RESULT ")).toList();
    assertEquals(oracle.size(), results.size(), String.join("\n", output));
    for (int i = 0; i < oracle.size(); i++) {
      SpmdDifferentialTest.assertSameResult(oracle.get(i), results.get(i), workers + " workers");
    }
    // A method that prints runs on the driver: its lines come out whole and in order, as without the agent.
    assertEquals(java.util.stream.IntStream.range(0, 10).mapToObj(i -> "ITER " + i).toList(),
        output.stream().filter(l -> l.startsWith("ITER ")).toList());
    assertTrue(output.stream().anyMatch(l -> l.contains("parjit: placement FreeLoopKernels.printIterations: driver (prints")),
        String.join("\n", output));
    // Every other kernel with parallel loops runs on the workers: no quiet fallback to the driver.
    for (String kernel : KernelRunner.PARALLEL) {
      if (!kernel.equals("printIterations")) {
        assertTrue(output.stream().anyMatch(l -> l.matches(".*parjit: placement \\w+\\." + kernel + ": workers")),
            kernel + " runs on the workers\n" + String.join("\n", output));
      }
    }
  }

  @Test
  void aFailureOnOneRankRaisesTheSequentialExceptionAndTheWorkersStayUsable() throws Exception {
    List<String> out = runDriver(3, SpawnFailureMain.class.getName());
    String text = String.join("\n", out);
    assertTrue(out.contains("CAUGHT java.lang.ArithmeticException: / by zero"), text);
    long expected = 0;
    for (int i = 0; i < 30; i++) {
      expected += 1000 / (i - 40);
    }
    assertTrue(out.contains("AFTER 499500 " + expected), text);
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 3})
  void unchangedReadOnlyArraysStayOnTheWorkersAndChangedOnesAreSentAgain(int workers) throws Exception {
    List<String> out = runDriver(workers, ResidentMain.class.getName());
    List<String> results = out.stream().filter(l -> l.matches("(SUM|CHANGED|DOT|COPY|BITS) .*")).toList();
    assertEquals(ResidentMain.results(), results, String.join("\n", out)); // this JVM has no agent
    // sums k=1..3 reuse the array, the changed one is sent again and then reused by both dot calls
    // (twice each), and a copy is a new array: 3 + 2 + 2; then the array a NaN payload and a zero's
    // sign changed is sent again each time while the array it is copied into (written back, unchanged
    // on the driver) is reused twice.
    assertTrue(out.contains("REUSED 9"), String.join("\n", out));
  }

  /** A static initializer's lines appear once, as without the agent: the workers' run of it prints nothing. */
  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 3})
  void aStaticInitializerPrintsOnceNotOncePerWorker(int workers) throws Exception {
    List<String> out = runDriver(workers, StaticInitializerMain.class.getName());
    String text = String.join("\n", out);
    assertEquals(List.of("INIT StaticInitializerMain"), out.stream().filter(l -> l.contains("INIT StaticInit")).toList(), text);
    assertEquals(1, out.stream().filter(l -> l.contains("INIT-ERR StaticInit")).count(), text);
    assertTrue(out.contains("RESULT " + 2.5 * 4950), text);
    assertTrue(out.contains("STAT callsRunOnDriverAfterFailure 0"), text);
    assertTrue(out.stream().anyMatch(l -> l.matches(".*parjit: placement StaticInitializerMain\\.scaledSum: workers")), text);
  }

  /**
   * A returned {@code double[][]} comes to the driver as every rank's own rows, assembled there
   * (not gathered onto every worker first): with fewer rows than workers, none and many, the
   * caller gets the sequential array, and every call took that path.
   */
  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 4})
  void returnedRowsAreAssembledFromEveryRanksBlock(int workers) throws Exception {
    List<String> out = runDriver(workers, ReturnedRowsMain.class.getName());
    String text = String.join("\n", out);
    assertEquals(ReturnedRowsMain.results(), out.stream().filter(l -> l.startsWith("TABLE ")).toList(), text);
    assertTrue(out.contains("STAT returnedRowsAssembled " + ReturnedRowsMain.ROWS.length), text);
    assertTrue(out.contains("STAT callsRunOnDriverAfterFailure 0"), text);
  }

  /**
   * The driver compares an array that matched before only while the workers run the call: a change
   * found then discards the workers' answer and sends the call again, so the answer is the
   * sequential one. Calls: 0 sends the array, 1 compares it first (and reuses it), 2 reuses it
   * with the comparison deferred, 3 finds the change after dispatch and is sent again, 4 compares the
   * new contents first, 5 defers again. Deferring is forced: by default a driver whose processors are
   * all taken by local workers compares before sending.
   */
  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 3})
  void aChangeFoundWhileTheWorkersRunIsSentAgainAndTheAnswerIsTheSequentialOne(int workers) throws Exception {
    List<String> out = runDriver(workers, ResidentSpeculationMain.class.getName(),
        "-Dparjit.speculativeResidentCheck=true");
    String text = String.join("\n", out);
    assertEquals(ResidentSpeculationMain.results(), out.stream().filter(l -> l.startsWith("SUM ")).toList(), text);
    assertTrue(out.contains("STAT residentSpeculationsFailed 1"), text);
    assertTrue(out.contains("STAT residentArgumentsReused 4"), text); // calls 1, 2, 4 and 5
    assertTrue(out.contains("STAT callsRunOnDriverAfterFailure 0"), text);
    assertTrue(out.stream().anyMatch(l -> l.matches(".*parjit: placement \\w+\\.scaledSum: workers.*")), text);
  }

  /**
   * A solver loop whose vectors stay on the workers between calls, written or read, and are
   * reshaped there (a block kept, a whole array needed: gathered among the workers). The state is
   * the sequential one, and the counters prove the reuse happened: each number below is counted in
   * the comments of {@code residentCountsOfTheSolver}.
   */
  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {2, 3})
  void writtenVectorsStayOnTheWorkersAndEveryChangeIsSeen(int workers) throws Exception {
    List<String> out = runDriver(workers, ResidentSolverMain.class.getName());
    List<String> expected = captureOracle(); // this JVM has no agent
    List<String> state = out.stream().filter(l -> l.startsWith("STATE ")).toList();
    assertEquals(expected, state, String.join("\n", out));
    String text = String.join("\n", out);
    assertTrue(out.contains("STAT residentArgumentsReused " + REUSED), text);
    assertTrue(out.contains("STAT residentArgumentsGatheredOnWorkers " + (ResidentSolver.ITERATIONS - 1)), text);
    assertTrue(out.contains("STAT callsRunOnDriverAfterFailure 1"), text);
  }

  /** Arguments the workers already held, counted call by call as the two programs make them. */
  private static final long REUSED = residentCountsOfTheSolver();

  private static long residentCountsOfTheSolver() {
    long reused = 1; // dot(r, r) before the loop: the second argument uses what the first one sent
    for (int it = 0; it < ResidentSolver.ITERATIONS; it++) {
      boolean first = it == 0;
      reused += first ? 0 : 2; // multiply: p sent whole, later gathered from its blocks; ap written: sent, later kept
      reused += 2; // dot(p, ap): p's block cut from the whole copy, ap's blocks
      reused += first ? 1 : 2; // axpy(p, x): x sent the first time
      reused += 2; // axpy(ap, r): r kept since dot(r, r)
      boolean rChanged = it == 1 || it == 2; // by plain Java, then by the aliased call run on the driver
      reused += rChanged ? 1 : 2; // dot(r, r): sent again when changed, the second argument reuses it
      reused += 2; // xpby(r, p)
    }
    // ResidentFailure: the second and the failing scaleBelow use a's blocks; after the failure the
    // workers forget everything, so total sends a again and only the last call reuses it.
    return reused + 2 + 1;
  }

  private static List<String> captureOracle() {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    java.io.PrintStream saved = System.out;
    synchronized (dev.parjit.it.effects.ProgramSuite.class) {
      try (java.io.PrintStream print = new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8)) {
        System.setOut(print);
        new ResidentSolver().run(ResidentSolverMain.N);
        new ResidentFailure().run(ResidentSolverMain.N);
      } finally {
        System.setOut(saved);
      }
    }
    return buffer.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
  }
}
