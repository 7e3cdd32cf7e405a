package dev.parjit.it.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Parjit.install()} in a JVM started without {@code -javaagent}: a {@code @Jit} class loaded
 * afterwards runs on the workers, one loaded before keeps running sequentially with a warning
 * naming it, and mistakes are one clear exception.
 */
class InstallTest {

  private static JobRunner.Finished run(String agentJarProperty, String... args) throws Exception {
    List<String> cmd = JobRunner.javaCommand("--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-Dparjit.failOnTransformError=true");
    if (agentJarProperty != null) {
      cmd.add("-Dparjit.agentJar=" + agentJarProperty);
    }
    cmd.addAll(List.of("-cp", JobRunner.frameClasspath(), InstallMain.class.getName()));
    cmd.addAll(List.of(args));
    return JobRunner.runCommand(cmd, 180);
  }

  private static String agentJar() {
    return JobRunner.agentJar().toString();
  }

  private static String value(JobRunner.Finished run, String prefix) {
    return run.lines().stream().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + run.text())).substring(prefix.length());
  }

  @Test
  void aClassLoadedAfterInstallRunsOnTheWorkers() throws Exception {
    JobRunner.Finished run = run(agentJar(), "workers=2,strict=true", "1001");
    assertEquals(0, run.exitCode(), run.text());
    assertEquals(Double.toString(LateKernels.sumOfSquares(1001)), value(run, "late="), run.text());
    assertEquals(Long.toString(EarlyKernels.count(1001)), value(run, "early="), run.text());
    assertEquals(Long.toString(EarlyKernels.count(1001)), value(run, "earlyAgain="), run.text());
    String stats = value(run, "stats=");
    // LateKernels' two loops of 1001 indexes on 2 workers (block formula: 501 and 500 each);
    // EarlyKernels never reached them.
    assertTrue(stats.contains("worker0LoopIndexes=1002"), run.text());
    assertTrue(stats.contains("worker1LoopIndexes=1000"), run.text());
    assertEquals(1, run.lines().stream().filter(l -> l.contains("parjit: " + EarlyKernels.class.getName()
        + " was loaded before Parjit.install() and cannot be recompiled now")).count(), run.text());
  }

  @Test
  void smallerThanTheWorkersAndEmptyStillAgree() throws Exception {
    for (int n : new int[] {1, 0}) {
      JobRunner.Finished run = run(agentJar(), "workers=2", Integer.toString(n));
      assertEquals(0, run.exitCode(), run.text());
      assertEquals(Double.toString(LateKernels.sumOfSquares(n)), value(run, "late="), run.text());
    }
  }

  @Test
  void aBadOptionIsOneExceptionNamingIt() throws Exception {
    JobRunner.Finished run = run(agentJar(), "workers=zero");
    assertEquals("install failed: IllegalArgumentException: parjit: agent option workers=zero is invalid: expected a "
        + "positive integer", value(run, "install failed: ").replaceFirst("^", "install failed: "), run.text());
  }

  @Test
  void aMissingAgentJarIsNamed() throws Exception {
    JobRunner.Finished run = run("/nonexistent/parjit-agent.jar", "workers=2");
    assertTrue(value(run, "install failed: ").startsWith("IllegalStateException: Parjit.install(): the agent jar "
        + "/nonexistent/parjit-agent.jar"), run.text());
  }
}
