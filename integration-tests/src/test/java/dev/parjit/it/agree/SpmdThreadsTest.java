package dev.parjit.it.agree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Concurrent {@code @Jit} calls from two threads of each SPMD rank: no call may hang or give a
 * wrong number. Calls from the rank's main thread run; the other thread's are refused at once
 * with an error that names the method and the thread and says why.
 */
public class SpmdThreadsTest {

  @Test
  void callsFromASecondThreadAreRefusedAndTheMainThreadsAreRight() throws Exception {
    JobRunner.Finished run = SpmdJob.run(2, SpmdThreadsMain.class, null, 120);
    assertEquals(0, run.exitCode(), run.text());
    for (int r = 0; r < 2; r++) {
      assertEquals(List.of("THREAD main ok=50 wrong=0 refused=0 other=0"), SpmdJob.printed(run, r, "THREAD main"),
          run.text());
      assertEquals(List.of("THREAD helper ok=0 wrong=0 refused=50 other=0"), SpmdJob.printed(run, r, "THREAD helper"),
          run.text());
      String refusal = SpmdJob.printed(run, r, "REFUSAL ").get(0);
      assertTrue(refusal.contains(ThreadKernels.class.getName() + ".sumOfSquares") && refusal.contains("'helper'")
          && refusal.contains("'main'"), refusal);
    }
    assertEquals(List.of(), SpmdJob.leftBehind(SpmdThreadsMain.class), "no rank outlives the job");
  }
}
