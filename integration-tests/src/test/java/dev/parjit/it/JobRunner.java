package dev.parjit.it;

import dev.parjit.mpi.launch.LaunchResult;
import dev.parjit.mpi.launch.Launcher;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs multi-process jobs for the tests: finds the built modules from the repository root (system
 * property {@code parjit.root}), collects every rank's output, turns a hang into a failure that
 * shows the output, and never leaves a process behind.
 */
public final class JobRunner {

  /** One output line of a rank. */
  public record Line(int rank, boolean stderr, String text) {
    @Override
    public String toString() {
      return "[rank " + rank + (stderr ? " err] " : "] ") + text;
    }
  }

  /** A finished job. */
  public record Job(LaunchResult result, List<Line> lines, List<ProcessHandle> processes) {
    public List<String> stdout(int rank) {
      return lines.stream().filter(l -> l.rank() == rank && !l.stderr()).map(Line::text).toList();
    }

    public String transcript() {
      StringBuilder sb = new StringBuilder();
      lines.forEach(l -> sb.append(l).append('\n'));
      return sb.toString();
    }
  }

  private JobRunner() { }

  /** The repository root. */
  public static Path root() {
    String root = System.getProperty("parjit.root");
    if (root == null) {
      throw new IllegalStateException("system property parjit.root is not set (surefire sets it)");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  /** The agent jar, built before this module's tests run. */
  public static Path agentJar() {
    Path jar = root().resolve("agent/target/parjit-agent.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("the agent jar is built before integration-tests: " + jar);
    }
    return jar;
  }

  /** This module's compiled test classes: the programs child JVMs run. */
  public static Path testClasses() {
    return root().resolve("integration-tests/target/test-classes");
  }

  /** Classes and runtime dependencies of a module, from its target/runtime-classpath.txt. */
  public static String moduleClasspath(String module) {
    Path target = root().resolve(module).resolve("target");
    try {
      return target.resolve("classes") + File.pathSeparator
          + Files.readString(target.resolve("runtime-classpath.txt")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("module " + module + " is not built: " + e.getMessage(), e);
    }
  }

  /** This module's test classes plus the mpi runtime: enough for test main classes on ranks. */
  public static String testClasspath() {
    return testClasses() + File.pathSeparator + moduleClasspath("mpi");
  }

  /** This module's test classes plus the frame library and its dependencies: for programs using DataFrames. */
  public static String frameClasspath() {
    return testClasses() + File.pathSeparator + moduleClasspath("frame");
  }

  /** The java executable running the tests, for child JVMs. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * JVM options of every JVM the tests start (drivers, launchers, SPMD ranks; spawn-mode workers
   * inherit them from their driver): the C1 compiler only. These JVMs live seconds, and C2
   * compiling their start-up paths (the agent's analysis, ASM, MPJ) was about 60% of their CPU time
   * (perf, EffectsMain on 2 workers: 21.5 CPU-s, 9.0 with C1 alone). Nothing under test depends on
   * the compiler tier: rewritten classes are verified and have Java's semantics under either.
   */
  public static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

  /** A command starting a test JVM: {@link #java()}, {@link #CHILD_JVM_OPTIONS}, then {@code args}. */
  public static List<String> javaCommand(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(CHILD_JVM_OPTIONS);
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * A command running {@code bin/parjit spmd}'s launcher ({@code LauncherMain}) in a test JVM, then
   * {@code args} ({@code -np N}, the agent, the ranks' options, the main class). Its ranks get
   * {@link #CHILD_JVM_OPTIONS} too: the launcher passes every option before the main class to them.
   */
  public static List<String> launcherCommand(String... args) {
    List<String> cmd = javaCommand("-cp", moduleClasspath("mpi"), "dev.parjit.mpi.launch.LauncherMain");
    cmd.addAll(CHILD_JVM_OPTIONS);
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Output (stdout and stderr merged) and exit status of a finished process. */
  public record Finished(int exitCode, List<String> lines) {
    public String text() {
      return String.join("\n", lines);
    }
  }

  /**
   * Runs a command to the end, at most {@code timeoutSeconds}; a hang becomes a failure and the
   * process is killed whatever happens.
   */
  public static Finished runCommand(List<String> command, int timeoutSeconds) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
        try {
          return p.getInputStream().readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new AssertionError("did not finish in " + timeoutSeconds + " s: " + String.join(" ", command));
      }
      String text = new String(out.get(30, TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8);
      return new Finished(p.exitValue(), text.lines().toList());
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  /** Runs {@code mainClass} on {@code ranks} ranks and waits at most {@code timeoutSeconds}. */
  public static Job run(int ranks, String mainClass, List<String> args, int timeoutSeconds) throws Exception {
    List<Line> lines = Collections.synchronizedList(new ArrayList<>());
    try (Launcher job = Launcher.builder().ranks(ranks).classpath(testClasspath()).jvmOptions(CHILD_JVM_OPTIONS)
        .mainClass(mainClass).args(args).output((r, err, text) -> lines.add(new Line(r, err, text))).start()) {
      CompletableFuture<LaunchResult> done = CompletableFuture.supplyAsync(() -> {
        try {
          return job.waitFor();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      try {
        LaunchResult result = done.get(timeoutSeconds, TimeUnit.SECONDS);
        return new Job(result, new ArrayList<>(lines), job.processes());
      } catch (TimeoutException e) {
        throw new AssertionError("job " + mainClass + " on " + ranks + " ranks did not finish in "
            + timeoutSeconds + " s; output so far:\n" + String.join("\n", lines.stream().map(Line::toString).toList()));
      }
    }
  }
}
