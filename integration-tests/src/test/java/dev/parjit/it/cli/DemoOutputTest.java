package dev.parjit.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/parjit demo} reads as a newcomer expects: Parjit's INFO lines only with
 * {@code --verbose}, and the label announcing the first call's worker start-up comes before the
 * workers start.
 */
class DemoOutputTest {

  private static final String FIRST_CALL_LABEL = "(the first @Jit call starts the workers)";

  private static JobRunner.Finished demo(String... options) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", JobRunner.root().resolve("bin/parjit").toString(),
        "demo"));
    cmd.addAll(List.of(options));
    return JobRunner.runCommand(cmd, 300);
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void theDemoShowsNoLogLinesUnlessAskedAndItsFirstCallLabelIsTrue() throws Exception {
    JobRunner.Finished quiet = demo();
    assertEquals(0, quiet.exitCode(), quiet.text());
    assertTrue(quiet.lines().stream().noneMatch(l -> l.contains("INFO") || l.contains("SLF4J")), quiet.text());
    assertTrue(indexOf(quiet.lines(), FIRST_CALL_LABEL) >= 0, quiet.text());

    JobRunner.Finished verbose = demo("--verbose");
    assertEquals(0, verbose.exitCode(), verbose.text());
    int label = indexOf(verbose.lines(), FIRST_CALL_LABEL);
    int started = indexOf(verbose.lines(), "SpawnDispatcher - started 2 workers");
    assertTrue(label >= 0 && started > label, "the label comes before the workers start\n" + verbose.text());
  }
}
