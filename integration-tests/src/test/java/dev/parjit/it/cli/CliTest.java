package dev.parjit.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bin/parjit} answers mistakes in one line, with a pointer to what to do. */
class CliTest {

  private static JobRunner.Finished parjit(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", JobRunner.root().resolve("bin/parjit").toString()));
    cmd.addAll(List.of(args));
    return JobRunner.runCommand(cmd, 120);
  }

  private static void assertOneLine(JobRunner.Finished run, int status, String text) {
    assertEquals(status, run.exitCode(), run.text());
    List<String> lines = run.lines().stream().filter(l -> !l.startsWith("parjit: building")).toList();
    assertEquals(1, lines.size(), run.text());
    assertTrue(lines.get(0).contains(text), run.text());
  }

  @Test
  void anUnknownCommandIsOneLineWithAPointerToHelp() throws Exception {
    assertOneLine(parjit("frobnicate"), 2, "unknown command 'frobnicate' (bin/parjit --help");
  }

  @Test
  void javaWithoutAMainClassIsAShortUsage() throws Exception {
    assertOneLine(parjit("java", "-cp", "/nonexistent"), 2, "no main class to run (usage: bin/parjit java");
  }

  @Test
  void aBadWorkerJvmOptionIsOneLineNamingIt() throws Exception {
    assertOneLine(parjit("java", "--agent-options", "workerJvm=-Xbogus", "-cp",
        JobRunner.root().resolve("integration-tests/target/test-classes").toString(), "dev.parjit.it.agent.ResidentMain"),
        2, "java rejects the workerJvm options -Xbogus: Unrecognized option: -Xbogus");
  }

  @Test
  void listingAMissingCacheSaysSo() throws Exception {
    assertOneLine(parjit("cache", "list", "/nonexistent/parjit-cache"), 1,
        "there is no compile cache at /nonexistent/parjit-cache");
  }

  @Test
  void spmdHelpListsAgentOptions() throws Exception {
    JobRunner.Finished run = parjit("spmd", "--help");
    assertEquals(0, run.exitCode(), run.text());
    assertTrue(run.text().contains("--agent-options"), run.text());
  }

  @Test
  void aJitPatternThatMatchesNothingIsReportedAndOneThatMatchesIsNot() throws Exception {
    JobRunner.Finished run = parjit("java", "--workers", "1", "--agent-options",
        "jit=ResidentMain#weightedSum;dev.parjit.it.agent.ResidentMain#dot", "-cp",
        JobRunner.root().resolve("integration-tests/target/test-classes").toString(), "dev.parjit.it.agent.ResidentMain");
    assertEquals(0, run.exitCode(), run.text());
    assertTrue(run.lines().contains("parjit: jit pattern 'ResidentMain#weightedSum' matched no method of a loaded class "
        + "(a pattern is pkg.Class#method with the package, * matching any characters)"), run.text());
    assertTrue(run.lines().stream().noneMatch(l -> l.contains("pattern 'dev.parjit.it.agent.ResidentMain#dot'")), run.text());
  }
}
