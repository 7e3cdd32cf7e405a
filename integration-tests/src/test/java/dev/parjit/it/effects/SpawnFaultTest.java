package dev.parjit.it.effects;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spawn mode, 2 workers: an exception at one index of rank 1's block reaches the caller as the
 * sequential exception (type, message, partial writes), and the next 100 calls work. The fault must
 * reach the caller without waiting for any time-out: the bound below is far above the ~30 ms it takes
 * on a quiet machine and far below every time-out on the path, so it only fails on a wait, never on a
 * loaded machine's slowness (how fast it is belongs to the benchmarks, not to this test).
 */
class SpawnFaultTest {

  private static final double FAULT_BOUND_MS = 2000;

  @Test
  void aWorkerFaultIsTheSequentialExceptionQuicklyAndTheWorkersStayUsable() throws Exception {
    List<String> expected = new ArrayList<>();
    FaultMain.run(expected::add); // this JVM has no agent: the sequential run
    expected.removeIf(l -> l.startsWith(FaultMain.FAULT_MS));
    assertTrue(expected.contains("CAUGHT java.lang.ArithmeticException: / by zero"), "oracle: " + expected);

    String agent = JobRunner.agentJar().toString();
    SplitRun.Result run = SplitRun.run(JobRunner.javaCommand("-javaagent:" + agent + "=workers=2,log=info",
        "-Dparjit.failOnTransformError=true", "-cp", JobRunner.testClasses().toString(),
        FaultMain.class.getName()), 180, 60);
    String transcript = run.summary() + "\n--- stdout\n" + String.join("\n", run.stdout());
    assertEquals(0, run.exitCode(), transcript);

    List<String> ms = run.stdout().stream().filter(l -> l.startsWith(FaultMain.FAULT_MS)).toList();
    List<String> actual = run.stdout().stream()
        .filter(l -> l.matches("(WARM|NOT THROWN|CAUGHT|WRONG|PARTIAL|GOOD) ?.*")).toList();
    List<String> placement = PlacementLog.check(run.stderr(), Map.of("FaultMain.scaleAndDivide", PlacementLog.WORKERS));
    ms.forEach(l -> System.out.println("SpawnFaultTest: " + l));
    assertAll(
        () -> assertTrue(placement.isEmpty(), "the kernel must run on the workers for the fault to happen there: " + placement),
        () -> assertEquals(expected, actual, "the caller's results, the exception and the partial writes"),
        () -> {
          assertEquals(1, ms.size(), "one timed fault: " + actual);
          double millis = Double.parseDouble(ms.get(0).substring(FaultMain.FAULT_MS.length()));
          assertTrue(millis < FAULT_BOUND_MS, "the exception reached the caller " + millis
              + " ms after the call: something on the path waits (bound " + FAULT_BOUND_MS + " ms)");
        });
  }

  @Test
  void aWorkerThatDiesDuringACallLeavesTheCallToTheDriverAndTheNextCallToNewWorkers() throws Exception {
    double squares = WorkerDeathMain.sumOfSquares(WorkerDeathMain.data()); // no agent here: sequential
    long sum = WorkerDeathMain.longSum(WorkerDeathMain.LONG);
    String agent = JobRunner.agentJar().toString();
    SplitRun.Result run = SplitRun.run(JobRunner.javaCommand("-javaagent:" + agent + "=workers=2,log=info",
        "-Dparjit.failOnTransformError=true", "-cp", JobRunner.testClasses().toString(),
        WorkerDeathMain.class.getName()), 180, 60);
    String transcript = run.summary() + "\n--- stdout\n" + String.join("\n", run.stdout())
        + "\n--- stderr\n" + String.join("\n", run.stderr());
    assertEquals(0, run.exitCode(), transcript);
    assertEquals(List.of("FIRST " + squares, "SECOND " + sum, "THIRD " + squares), run.stdout().stream()
        .filter(l -> l.startsWith("FIRST") || l.startsWith("SECOND") || l.startsWith("THIRD")).toList(), transcript);
    assertTrue(run.stderr().stream().anyMatch(l -> l.contains("a worker died during WorkerDeathMain.longSum")), transcript);
    assertTrue(PlacementLog.check(run.stderr(), Map.of("WorkerDeathMain.longSum", PlacementLog.WORKERS,
        "WorkerDeathMain.sumOfSquares", PlacementLog.WORKERS)).isEmpty(), transcript);
  }
}
