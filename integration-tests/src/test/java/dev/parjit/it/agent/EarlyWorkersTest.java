package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Spawn-mode workers start when the first {@code @Jit} method is compiled, before its first call:
 * a program that never makes the call still exits at once and leaves no process behind, and a
 * program without {@code @Jit} code starts none.
 */
class EarlyWorkersTest {

  /** Processes whose command line carries {@code marker} (workers inherit the driver's system properties). */
  static List<ProcessHandle> processesMarked(String marker) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false)).toList();
  }

  static JobRunner.Finished run(String marker, String... args) throws Exception {
    List<String> cmd = JobRunner.javaCommand(
        "-javaagent:" + JobRunner.agentJar() + "=workers=2,log=info", "-Dparjit.failOnTransformError=true",
        "-Dparjit.it.marker=" + marker, "-cp", JobRunner.testClasses().toString(), UnusedJitMain.class.getName());
    cmd.addAll(List.of(args));
    return JobRunner.runCommand(cmd, 180);
  }

  @Test
  void workersStartedForAMethodNeverCalledAreStoppedAtExit() throws Exception {
    String marker = UUID.randomUUID().toString();
    try {
      JobRunner.Finished run = run(marker, "jit", "2");
      assertEquals(0, run.exitCode(), run.text());
      assertTrue(run.lines().contains("WORKERS STARTED 2"), run.text()); // they did start early
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!processesMarked(marker).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100); // a killed process may linger a moment
      }
      assertEquals(List.of(), processesMarked(marker).stream().map(p -> p.info().commandLine().orElse("?")).toList(),
          "no worker outlives the program\n" + run.text());
    } finally {
      processesMarked(marker).forEach(ProcessHandle::destroyForcibly);
    }
  }

  /**
   * The program returns while its workers are still booting: it exits (the runner's time-out would
   * fail a hang) with status 0, prints nothing from the workers' start-up, and no worker outlives it.
   */
  @Test
  void aProgramReturningWhileItsWorkersBootExitsAndLeavesNoProcess() throws Exception {
    String marker = UUID.randomUUID().toString();
    try {
      JobRunner.Finished run = run(marker, "jit-exit");
      assertEquals(0, run.exitCode(), run.text());
      assertTrue(run.lines().contains("RETURNING"), run.text());
      assertTrue(run.lines().stream().noneMatch(l -> l.contains("Exception") || l.contains("WARN")), run.text());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!processesMarked(marker).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(List.of(), processesMarked(marker).stream().map(p -> p.info().commandLine().orElse("?")).toList(),
          "no worker outlives the program\n" + run.text());
    } finally {
      processesMarked(marker).forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aProgramWithoutJitCodeStartsNoWorkers() throws Exception {
    String marker = UUID.randomUUID().toString();
    try {
      JobRunner.Finished run = run(marker, "plain");
      assertEquals(0, run.exitCode(), run.text());
      assertTrue(run.lines().contains("CHILDREN 0"), run.text());
    } finally {
      processesMarked(marker).forEach(ProcessHandle::destroyForcibly);
    }
  }
}
