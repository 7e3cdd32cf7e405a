package dev.parjit.it.agree;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a test main class on N SPMD ranks with the agent, through the launcher as {@code bin/parjit spmd} does. */
final class SpmdJob {

  private SpmdJob() { }

  static JobRunner.Finished run(int ranks, Class<?> main, String agentOptions, int timeoutSeconds) throws Exception {
    Path agent = JobRunner.agentJar();
    assertTrue(Files.exists(agent), "the agent jar is built before integration-tests");
    List<String> cmd = JobRunner.launcherCommand("--agent", agent.toString());
    if (agentOptions != null) {
      cmd.addAll(List.of("--agent-options", agentOptions));
    }
    cmd.addAll(List.of("-np", Integer.toString(ranks), "-Dparjit.failOnTransformError=true",
        "-cp", JobRunner.testClasses().toString(), main.getName()));
    return JobRunner.runCommand(cmd, timeoutSeconds);
  }

  /** The lines rank {@code r} printed that start with {@code prefix}, without the rank prefix. */
  static List<String> printed(JobRunner.Finished run, int r, String prefix) {
    String rank = "[rank " + r + "] ";
    return run.lines().stream().filter(l -> l.startsWith(rank + prefix)).map(l -> l.substring(rank.length())).toList();
  }

  /** Java processes still running {@code main}: none may outlive the job. */
  static List<ProcessHandle> leftBehind(Class<?> main) throws InterruptedException {
    List<ProcessHandle> alive = List.of();
    for (int attempt = 0; attempt < 50; attempt++) {
      alive = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(main.getName()))
          .filter(p -> p.pid() != ProcessHandle.current().pid()).toList();
      if (alive.isEmpty()) {
        return alive;
      }
      Thread.sleep(100); // killed processes take a moment to go
    }
    return alive;
  }
}
