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
        JobRunner.testClasses().toString(), "dev.parjit.it.agent.ResidentMain"),
        2, "java rejects the workerJvm options -Xbogus: Unrecognized option: -Xbogus");
  }

  @Test
  void listingAMissingCacheSaysSo() throws Exception {
    assertOneLine(parjit("cache", "list", "/nonexistent/parjit-cache"), 1,
        "there is no compile cache at /nonexistent/parjit-cache");
  }

  @Test
  void spmdForwardsStandardInputToRankZeroAndGivesTheOthersAnEmptyOne() throws Exception {
    String testClasses = JobRunner.testClasses().toString();
    JobRunner.Finished run = JobRunner.runCommand(List.of("bash", "-c", "printf 'alpha\\nbeta\\n' | bash "
        + JobRunner.root().resolve("bin/parjit") + " spmd -np 2 -cp " + testClasses + " " + StdinMain.class.getName()),
        120);
    assertEquals(0, run.exitCode(), run.text());
    assertTrue(run.lines().contains("[rank 0] rank 0 read: alpha"), run.text());
    assertTrue(run.lines().contains("[rank 0] rank 0 read: beta"), run.text());
    assertTrue(run.lines().contains("[rank 0] rank 0 lines: 2"), run.text());
    assertTrue(run.lines().contains("[rank 1] rank 1 lines: 0"), run.text());
  }

  @Test
  void spmdWithoutInputStillEnds() throws Exception {
    String testClasses = JobRunner.testClasses().toString();
    JobRunner.Finished run = JobRunner.runCommand(List.of("bash", "-c", "bash " + JobRunner.root().resolve("bin/parjit")
        + " spmd -np 2 -cp " + testClasses + " " + StdinMain.class.getName() + " < /dev/null"), 120);
    assertEquals(0, run.exitCode(), run.text());
    assertTrue(run.lines().contains("[rank 0] rank 0 lines: 0"), run.text());
  }

  @Test
  void aCacheDirectoryOthersCanWriteIsRefusedInOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path shared = dir.resolve("shared");
    java.nio.file.Files.createDirectory(shared);
    java.nio.file.Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    JobRunner.Finished run = parjit("java", "--workers", "1", "--agent-options", "cache=" + shared, "-cp",
        JobRunner.testClasses().toString(), "dev.parjit.it.agent.ResidentMain");
    assertEquals(0, run.exitCode(), run.text());
    assertEquals(1, run.lines().stream().filter(l -> l.contains("not using the compile cache in " + shared
        + ": other users can write to it")).count(), run.text());
    try (var entries = java.nio.file.Files.list(shared)) {
      assertEquals(0, entries.count(), "nothing was written to the refused directory");
    }
  }

  @Test
  void jshellRejectsABadWorkerCountInOneLine() throws Exception {
    assertOneLine(parjit("jshell", "--workers", "0"), 2, "--workers must be a positive integer, got '0'");
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
        JobRunner.testClasses().toString(), "dev.parjit.it.agent.ResidentMain");
    assertEquals(0, run.exitCode(), run.text());
    assertTrue(run.lines().contains("parjit: jit pattern 'ResidentMain#weightedSum' matched no method of a loaded class "
        + "(a pattern is pkg.Class#method with the package, * matching any characters)"), run.text());
    assertTrue(run.lines().stream().noneMatch(l -> l.contains("pattern 'dev.parjit.it.agent.ResidentMain#dot'")), run.text());
  }
}
