package dev.parjit.it.agree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One rank's iterations throw (at the first, a middle or the last index): every rank catches the
 * exception the sequential program throws, promptly, and the following good calls all give the
 * sequential answer. Without failure agreement the other ranks would wait in the allreduce forever.
 */
public class SpmdFaultTest {

  /**
   * Generous bound on the time from a failing call to its catch on any rank. The agreement is one
   * int allreduce and one broadcast of a few hundred bytes; the bound only has to tell that from a
   * hang or a time-out (seconds), on a loaded machine too.
   */
  private static final double MAX_CATCH_MS = 1000;

  @Test
  void theOracleFailsWhereExpected() {
    List<String> oracle = SpmdFaultMain.results();
    assertTrue(oracle.contains("CAUGHT divide 0 java.lang.ArithmeticException: / by zero"), oracle.toString());
    assertTrue(oracle.contains("CAUGHT next 12 java.lang.ArrayIndexOutOfBoundsException: Index 12 out of bounds for length 12"),
        oracle.toString());
    assertTrue(oracle.contains("GOOD 100"), oracle.toString());
  }

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3, 4})
  void everyRankCatchesTheSequentialExceptionAndGoesOnComputingRightAnswers(int ranks) throws Exception {
    List<String> oracle = SpmdFaultMain.results();
    JobRunner.Finished run = SpmdJob.run(ranks, SpmdFaultMain.class, null, 120);
    assertEquals(0, run.exitCode(), run.text());
    for (int r = 0; r < ranks; r++) {
      List<String> mine = SpmdJob.printed(run, r, "").stream()
          .filter(l -> l.startsWith("CAUGHT") || l.startsWith("RETURNED") || l.startsWith("GOOD")).toList();
      assertEquals(oracle, mine, "rank " + r + " of " + ranks + "\n" + run.text());
      for (String timing : SpmdJob.printed(run, r, "TIME ")) {
        double ms = Double.parseDouble(timing.substring(timing.lastIndexOf(' ') + 1));
        System.out.println("SpmdFaultTest " + ranks + " ranks, rank " + r + ": " + timing + " ms");
        assertTrue(ms < MAX_CATCH_MS, "rank " + r + ": " + timing + " ms\n" + run.text());
      }
    }
    assertEquals(List.of(), SpmdJob.leftBehind(SpmdFaultMain.class), "no rank outlives the job");
  }
}
