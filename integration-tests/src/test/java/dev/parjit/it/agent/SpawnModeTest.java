package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
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
    Path agent = JobRunner.agentJar();
    JobRunner.Finished run = JobRunner.runCommand(List.of(JobRunner.java(),
        "-javaagent:" + agent + "=workers=" + workers + ",log=info",
        "-Dparjit.failOnTransformError=true", "-cp", JobRunner.testClasses().toString(),
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
    List<String> results = out.stream().filter(l -> l.matches("(SUM|CHANGED|DOT|COPY) .*")).toList();
    assertEquals(ResidentMain.results(), results, String.join("\n", out)); // this JVM has no agent
    // sums k=1..3 reuse the array, the changed one is sent again and then reused by both dot calls
    // (twice each), and a copy is a new array: 3 + 2 + 2.
    assertTrue(out.contains("REUSED 7"), String.join("\n", out));
  }
}
