package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that compiled a spawn-mode {@code @Jit} class once starts its workers as the agent
 * starts in its next run (before any such class loads), the workers compile that class while MPI
 * starts, and the answers are those of the run without the hint; such a run that returns at once
 * exits promptly and leaves no worker behind.
 */
class StartHintTest {

  /**
   * Without a class-data-sharing archive: while rank 0 records its classes for one, the workers do
   * not prepare classes early (the JVM would leave what that thread loads out of its list).
   */
  static JobRunner.Finished run(Path cache, String marker, String mode) throws Exception {
    return JobRunner.runCommand(JobRunner.javaCommand(
        "-javaagent:" + JobRunner.agentJar() + "=workers=2,log=debug", "-Dparjit.failOnTransformError=true",
        "-Dparjit.workerArchive=false",
        "-Dparjit.cacheDir=" + cache, "-Dparjit.it.marker=" + marker, "-Dparjit.it.mode=" + mode,
        "-cp", JobRunner.testClasses().toString(), HintedStartMain.class.getName()), 180);
  }

  static String expected() {
    double s = 0;
    for (double v : HintedStartMain.data()) {
      s += v * v;
    }
    return "RESULT " + s;
  }

  private static void assertNoProcessLeft(String marker, JobRunner.Finished run) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!EarlyWorkersTest.processesMarked(marker).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100); // a killed process may linger a moment
    }
    assertEquals(List.of(), EarlyWorkersTest.processesMarked(marker).stream()
        .map(p -> p.info().commandLine().orElse("?")).toList(), "no worker outlives the program\n" + run.text());
  }

  @Test
  void theNextRunStartsItsWorkersBeforeItsJitClassLoads(@TempDir Path cache) throws Exception {
    String marker = UUID.randomUUID().toString();
    try {
      JobRunner.Finished first = run(cache, marker, "call");
      assertEquals(0, first.exitCode(), first.text());
      assertTrue(first.lines().contains(expected()), first.text());
      assertTrue(first.text().contains("placement HintedStartMain$Kernel.sum: workers"), first.text());
      Path hints = cache.resolve("start");
      List<Path> files;
      try (var list = Files.list(hints)) {
        files = list.filter(f -> f.toString().endsWith(".classes")).toList();
      }
      assertEquals(1, files.size(), "one hint for one program: " + files);
      assertEquals(List.of(HintedStartMain.Kernel.class.getName()), Files.readAllLines(files.get(0)));

      JobRunner.Finished second = run(cache, marker, "wait");
      assertEquals(0, second.exitCode(), second.text());
      assertTrue(second.lines().contains("WORKERS BEFORE JIT 2"), second.text());
      assertTrue(second.lines().contains(expected()), second.text());
      assertTrue(second.text().contains("placement HintedStartMain$Kernel.sum: workers"), second.text());
      assertFalse(second.text().contains("Exception"), second.text());
      for (int r = 0; r < 2; r++) {
        String rank = "[rank " + r + "] ";
        assertTrue(second.lines().stream().anyMatch(l -> l.startsWith(rank) && l.contains("worker: prepared 1 class(es)")),
            "rank " + r + " compiled the class while MPI started\n" + second.text());
      }
      assertNoProcessLeft(marker, second);

      long t0 = System.nanoTime();
      JobRunner.Finished exiting = run(cache, marker, "exit");
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
      assertEquals(0, exiting.exitCode(), exiting.text());
      assertTrue(exiting.lines().contains("RETURNING"), exiting.text());
      assertTrue(exiting.text().contains("starting 2 workers"), "the hint started them\n" + exiting.text());
      assertTrue(exiting.lines().stream().noneMatch(l -> l.contains("Exception") || l.contains("WARN")),
          exiting.text());
      assertTrue(seconds < 60, "exited while its workers booted, not after a start-up time-out: " + seconds + " s");
      assertNoProcessLeft(marker, exiting);
    } finally {
      EarlyWorkersTest.processesMarked(marker).forEach(ProcessHandle::destroyForcibly);
    }
  }
}
