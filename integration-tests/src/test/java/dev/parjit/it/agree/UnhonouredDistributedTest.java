package dev.parjit.it.agree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An SPMD {@code distributed} parameter that falls to REP: a compilation error on every rank, logged. */
public class UnhonouredDistributedTest {

  @Test
  void everyRankCatchesTheCompilationErrorAndItIsLogged() throws Exception {
    JobRunner.Finished run = SpmdJob.run(2, UnhonouredMain.class, null, 120);
    assertEquals(0, run.exitCode(), run.text());
    for (int r = 0; r < 2; r++) {
      List<String> caught = SpmdJob.printed(run, r, "CAUGHT ");
      assertEquals(2, caught.size(), run.text());
      for (String c : caught) {
        assertTrue(c.startsWith("CAUGHT dev.parjit.ParjitCompilationException: " + UnhonouredMain.class.getName()
            + ".mirrored([D)D: ") && c.contains("'x'") && c.contains("REP"), c);
      }
      assertEquals(List.of(), SpmdJob.printed(run, r, "RETURNED"), run.text());
    }
    assertTrue(run.lines().stream().anyMatch(l -> l.contains("parjit: cannot compile " + UnhonouredMain.class.getName()
        + ".mirrored([D)D: ")), "the error is logged with class, method and reason\n" + run.text());
  }
}
