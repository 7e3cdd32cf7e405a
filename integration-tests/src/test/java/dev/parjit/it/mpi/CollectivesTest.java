package dev.parjit.it.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every collective on real MPJ Express processes, 1 to 4 ranks. */
class CollectivesTest {

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {1, 2, 3, 4})
  void everyCollectiveMatchesIndependentlyComputedValues(int ranks) throws Exception {
    JobRunner.Job job = JobRunner.run(ranks, CollectiveChecks.class.getName(), List.of(Integer.toString(ranks)), 120);
    String transcript = job.transcript();
    assertEquals(0, job.result().exitCode(), job.result().message() + "\n" + transcript);
    assertFalse(transcript.contains("CHECK FAIL"), transcript);
    for (int r = 0; r < ranks; r++) {
      List<String> done = job.stdout(r).stream().filter(l -> l.startsWith("CHECKS DONE")).toList();
      assertEquals(1, done.size(), "rank " + r + " finished once\n" + transcript);
      String[] parts = done.get(0).split(" ");
      assertTrue(Integer.parseInt(parts[2]) >= 80, "enough checks ran: " + done.get(0));
      assertEquals("0", parts[3], "failures on rank " + r + "\n" + transcript);
    }
    job.processes().forEach(p -> assertFalse(p.isAlive(), "rank process " + p.pid() + " is still running"));
  }
}
