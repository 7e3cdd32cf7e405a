package dev.parjit.it.agree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPMD stencils over distributed parameters: halos from the neighbours; one array as both is a clear error. */
public class AliasedStencilTest {

  @Test
  void neighboursEdgesArriveAndAnAliasedCallFailsOnEveryRank() throws Exception {
    int ranks = 3;
    JobRunner.Finished run = SpmdJob.run(ranks, AliasedStencilMain.class, null, 120);
    assertEquals(0, run.exitCode(), run.text());
    int n = 3 * ranks;
    for (int r = 0; r < ranks; r++) {
      double[] expected = new double[3];
      for (int k = 0; k < 3; k++) {
        int i = 3 * r + k;
        expected[k] = i >= 1 && i < n - 1 ? (i - 1) + (i + 1) : 0;
      }
      assertEquals(List.of("SMOOTHED " + java.util.Arrays.toString(expected)), SpmdJob.printed(run, r, "SMOOTHED "),
          "rank " + r + "\n" + run.text());
      List<String> caught = SpmdJob.printed(run, r, "CAUGHT ");
      assertEquals(1, caught.size(), run.text());
      assertTrue(caught.get(0).startsWith("CAUGHT java.lang.IllegalArgumentException: the same array"), caught.get(0));
      assertEquals(List.of(), SpmdJob.printed(run, r, "RETURNED"), run.text());
    }
  }
}
