package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Diagnostics and the no-parallelism warning appear once per method and run, whatever the rank count. */
class DiagnosticsTest {

  private static final String HEADER = "Distributed diagnostics for function DiagnosticsMain.parallelSum";
  private static final String WARNING = "ParjitWarning: No parallelism found for function 'DiagnosticsMain.firstAbove'";

  /** The sequential answer: this test JVM runs without the agent. */
  private static final String SUM = "SUM " + DiagnosticsMain.parallelSum(1000);

  private static String agent() {
    return JobRunner.agentJar().toString();
  }

  private static String classes() {
    return JobRunner.testClasses().toString();
  }

  private static List<String> spawn(String options, String... args) throws Exception {
    List<String> cmd = JobRunner.javaCommand("-javaagent:" + agent() + "=" + options,
        "-Dparjit.failOnTransformError=true", "-cp", classes(), DiagnosticsMain.class.getName());
    cmd.addAll(List.of(args));
    JobRunner.Finished run = JobRunner.runCommand(cmd, 120);
    assertEquals(0, run.exitCode(), run.text());
    return run.lines();
  }

  private static List<String> spmd(int ranks, String options) throws Exception {
    JobRunner.Finished run = JobRunner.runCommand(JobRunner.launcherCommand(
        "--agent", agent(), "--agent-options", options,
        "-np", Integer.toString(ranks), "-Dparjit.failOnTransformError=true", "-cp", classes(),
        DiagnosticsMain.class.getName(), "spmd"), 120);
    assertEquals(0, run.exitCode(), run.text());
    return run.lines();
  }

  private static long count(List<String> lines, String text) {
    return lines.stream().filter(l -> l.contains(text)).count();
  }

  @Test
  void spawnModePrintsEachMethodOnceOnTheDriver() throws Exception {
    List<String> out = spawn("workers=2,diagnostics=true");
    String text = String.join("\n", out);
    assertEquals(1, count(out, HEADER), text);
    assertEquals(2, count(out, "Data distributions:"), "parallelSum and firstAbove, once each:\n" + text);
    assertTrue(text.contains("   x                    1D_Block"), text);
    assertTrue(text.contains("for (int i = 0; i < n; i++) {") && text.contains("| #0: 1D_Block"), text);
    assertEquals(1, count(out, WARNING), text);
    assertEquals(0, out.stream().filter(l -> l.startsWith("[rank") && l.contains("Distributed diagnostics")).count(),
        "workers never print diagnostics:\n" + text);
    assertTrue(out.contains(SUM), text);
    assertTrue(out.contains("FIRST " + DiagnosticsMain.firstAbove(100, 15)), text);
    // Each method's diagnostics end with where it runs, and why a method stays on the driver.
    assertEquals(1, count(out, "Runs on the workers"), text);
    assertEquals(1, out.stream().filter(l -> l.startsWith("Runs on the driver (nothing in it runs in parallel (loop #0:"))
        .count(), text);
  }

  @Test
  void withoutTheOptionOnlyTheWarningAndWhatIsAskedForArePrinted() throws Exception {
    List<String> out = spawn("workers=2", "spawn", "ask");
    String text = String.join("\n", out);
    assertEquals(1, count(out, HEADER), "printed once, by the explicit call:\n" + text);
    assertEquals(1, count(out, WARNING), text);
    assertTrue(out.stream().anyMatch(l -> l.startsWith("ASKED ") && !l.equals("ASKED 0 lines")), text);
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3})
  void spmdModePrintsOnceOnRankZero(int ranks) throws Exception {
    List<String> out = spmd(ranks, "diagnostics=true");
    String text = String.join("\n", out);
    assertEquals(1, count(out, HEADER), text);
    assertTrue(out.stream().filter(l -> l.contains(HEADER)).allMatch(l -> l.startsWith("[rank 0] ")), text);
    assertEquals(1, count(out, WARNING), text);
    assertEquals(ranks, count(out, SUM), text);
  }

  @Test
  void strictModeFailsTheFirstCallOfAMethodWithoutParallelism() throws Exception {
    List<String> out = spawn("workers=2,strict=true");
    String text = String.join("\n", out);
    assertTrue(out.contains(SUM), "parallel methods run normally:\n" + text);
    assertTrue(out.contains("STRICT " + WARNING), text);
  }
}
