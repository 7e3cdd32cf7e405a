package dev.parjit.it.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import dev.parjit.mpi.launch.LaunchResult;
import dev.parjit.mpi.launch.Launcher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A job ends, and names the rank, whenever one rank fails; nothing outlives its launcher. */
class LauncherFailureTest {

  private static final long DEADLINE_MS = 5_000;

  @Test
  void aRankThatThrowsFailsTheJobNamingThatRank() throws Exception {
    JobRunner.Job job = JobRunner.run(3, FailingRank.class.getName(), List.of("2"), 60);
    assertEquals(2, job.result().failedRank(), job.transcript());
    assertEquals(1, job.result().exitCode());
    assertTrue(job.result().message().contains("rank 2"), job.result().message());
    long traces = job.lines().stream().filter(l -> l.stderr() && l.text().contains("IllegalStateException: boom from rank 2")).count();
    assertEquals(1, traces, "the stack trace is printed once\n" + job.transcript());
    job.processes().forEach(p -> assertFalse(p.isAlive(), "pid " + p.pid() + " left running"));
  }

  @Test
  void aRankKilledWithSigkillEndsTheJobWithinFiveSeconds() throws Exception {
    List<String> ready = Collections.synchronizedList(new ArrayList<>());
    try (Launcher job = Launcher.builder().ranks(3).classpath(JobRunner.testClasspath())
        .mainClass(SleepingRanks.class.getName())
        .output((r, err, line) -> {
          if (line.startsWith("READY")) {
            ready.add(line);
          }
        }).start()) {
      waitFor(() -> ready.size() == 3, 60_000, "all ranks ready");
      ProcessHandle victim = job.processes().get(1);
      long killedAt = System.nanoTime();
      assertTrue(victim.destroyForcibly());
      CompletableFuture<LaunchResult> done = CompletableFuture.supplyAsync(() -> {
        try {
          return job.waitFor();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      LaunchResult result = done.get(30, TimeUnit.SECONDS);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
      assertEquals(1, result.failedRank(), result.message());
      assertEquals(137, result.exitCode(), "SIGKILL status");
      assertTrue(tookMs < DEADLINE_MS, "the job ended " + tookMs + " ms after the kill");
      job.processes().forEach(p -> assertFalse(p.isAlive(), "pid " + p.pid() + " left running"));
    }
  }

  @Test
  void ranksExitWhenTheLauncherProcessIsKilled() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process launcher = new ProcessBuilder(java, "-cp", JobRunner.moduleClasspath("mpi"),
        "dev.parjit.mpi.launch.LauncherMain", "-np", "2", "-cp",
        JobRunner.testClasses().toString(),
        SleepingRanks.class.getName()).redirectErrorStream(true).start();
    List<Long> pids = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String[] parts = line.split(" ");
          if (parts.length == 5 && parts[2].equals("READY")) {
            pids.add(Long.parseLong(parts[4]));
          }
        }
      } catch (Exception e) {
        // launcher gone
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      waitFor(() -> pids.size() == 2, 60_000, "both ranks ready");
      launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      waitFor(() -> pids.stream().map(ProcessHandle::of).noneMatch(h -> h.map(ProcessHandle::isAlive).orElse(false)),
          DEADLINE_MS, "ranks exit after their launcher died");
    } finally {
      launcher.destroyForcibly();
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void twoLaunchesAtOnceDoNotClash() throws Exception {
    CompletableFuture<JobRunner.Job> a = CompletableFuture.supplyAsync(() -> run(CollectiveChecks.class.getName(), "2"));
    CompletableFuture<JobRunner.Job> b = CompletableFuture.supplyAsync(() -> run(CollectiveChecks.class.getName(), "2"));
    for (JobRunner.Job job : List.of(a.get(120, TimeUnit.SECONDS), b.get(120, TimeUnit.SECONDS))) {
      assertEquals(0, job.result().exitCode(), job.transcript());
      assertFalse(job.transcript().contains("CHECK FAIL"), job.transcript());
    }
  }

  private static JobRunner.Job run(String main, String arg) {
    try {
      return JobRunner.run(2, main, List.of(arg), 120);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, long timeoutMs, String what)
      throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(50);
    }
  }
}
