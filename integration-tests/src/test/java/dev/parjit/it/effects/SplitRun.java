package dev.parjit.it.effects;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with its stdout and stderr kept apart (placement lines go to stderr, the
 * program's state to stdout), keeps what a hung process printed so far, and kills the process and
 * every descendant it was seen to start, even if they outlive their parent.
 */
public final class SplitRun {

  /** A finished process, or a killed one: then {@code killedBecause} says why (it is null otherwise). */
  public record Result(int exitCode, String killedBecause, List<String> stdout, List<String> stderr, double seconds) {
    /** A short account for failure messages: exit status and the end of stderr. */
    public String summary() {
      List<String> tail = stderr.subList(Math.max(0, stderr.size() - 30), stderr.size());
      return (killedBecause != null ? killedBecause : "exit code " + exitCode) + " after " + String.format("%.1f s", seconds)
          + "; end of stderr:\n  " + String.join("\n  ", tail);
    }
  }

  private SplitRun() { }

  /**
   * Runs {@code command} for at most {@code timeoutSeconds}, and kills it sooner when its stdout
   * stays silent for {@code stallSeconds}: ranks that went out of step wait forever in a
   * collective, and the suite should not sit out the whole timeout for that.
   */
  public static Result run(List<String> command, int timeoutSeconds, int stallSeconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("parjit-effects", ".out");
    Path err = Files.createTempFile("parjit-effects", ".err");
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    Set<ProcessHandle> started = new HashSet<>();
    String killedBecause = null;
    try {
      long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
      long lastSize = -1;
      long lastGrowth = start;
      // Poll rather than wait once: descendants are only visible while their parent lives.
      while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(started::add);
        long now = System.nanoTime();
        long size = Files.size(out);
        if (size != lastSize) {
          lastSize = size;
          lastGrowth = now;
        }
        if (now > deadline) {
          killedBecause = "killed: still running after " + timeoutSeconds + " s";
          break;
        }
        if (now - lastGrowth > TimeUnit.SECONDS.toNanos(stallSeconds)) {
          killedBecause = "killed: no output for " + stallSeconds + " s (hung)";
          break;
        }
      }
    } finally {
      p.descendants().forEach(started::add);
      p.destroyForcibly();
      started.forEach(ProcessHandle::destroyForcibly);
      p.waitFor(10, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      return new Result(killedBecause != null ? -1 : p.exitValue(), killedBecause, read(out), read(err), seconds);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static List<String> read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
  }
}
