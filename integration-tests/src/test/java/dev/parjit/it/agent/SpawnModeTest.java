package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import dev.parjit.it.kernels.KernelRunner;
import dev.parjit.it.kernels.SpmdDifferentialTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spawn mode: the driver ships @Jit calls to 1–4 worker processes. */
class SpawnModeTest {

  static List<String> runDriver(int workers, String mainClass) throws Exception {
    Path agent = JobRunner.root().resolve("agent/target/parjit-agent.jar");
    JobRunner.Finished run = JobRunner.runCommand(List.of(JobRunner.java(), "-javaagent:" + agent + "=workers=" + workers,
        "-Dparjit.failOnTransformError=true", "-cp", JobRunner.root().resolve("integration-tests/target/test-classes").toString(),
        mainClass), 180);
    assertEquals(0, run.exitCode(), run.text());
    return run.lines();
  }

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2, 3, 4})
  void theDriverPrintsTheSequentialResults(int workers) throws Exception {
    List<String> oracle = new ArrayList<>(KernelRunner.results());
    oracle.add("RESULT printIterations 10 10");
    List<String> output = runDriver(workers, KernelRunner.class.getName());
    List<String> results = output.stream().filter(l -> l.startsWith("RESULT ")).toList();
    assertEquals(oracle.size(), results.size(), String.join("\n", output));
    for (int i = 0; i < oracle.size(); i++) {
      SpmdDifferentialTest.assertSameResult(oracle.get(i), results.get(i), workers + " workers");
    }
    SpmdDifferentialTest.assertBlocksPrinted(output, workers, 10);
  }

  @Test
  void aFailureOnOneRankIsRethrownNamingItAndTheWorkersStayUsable() throws Exception {
    List<String> out = runDriver(3, SpawnFailureMain.class.getName());
    String text = String.join("\n", out);
    assertTrue(out.contains("CAUGHT rank=1 message=@Jit call SpawnFailureMain.failOnRank failed on rank 1: "
        + "java.lang.IllegalArgumentException: bad rank 1"), text);
    assertTrue(out.contains("CAUSE java.lang.IllegalArgumentException: bad rank 1"), text);
    assertTrue(out.contains("AFTER 499500 size=3"), text);
  }
}
