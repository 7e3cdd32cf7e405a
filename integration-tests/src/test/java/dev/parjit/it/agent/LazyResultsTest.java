package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.it.JobRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN §6: distributed results stay on the workers until touched. */
class LazyResultsTest {

  @Test
  void aFrameBiggerThanTheDriversHeapStaysOnTheWorkers() throws Exception {
    int n = 50_000_000; // 400 MB of doubles; the driver has 128 MB
    java.nio.file.Path agent = JobRunner.agentJar();
    JobRunner.Finished run = JobRunner.runCommand(JobRunner.javaCommand("-Xmx128m",
        "-javaagent:" + agent + "=workers=2,workerJvm=-Xmx3g", "-Dparjit.failOnTransformError=true",
        "-cp", JobRunner.frameClasspath(), LazyMain.class.getName(), Integer.toString(n)), 180);
    String text = run.text();
    assertEquals(0, run.exitCode(), text);
    List<String> lines = run.lines();
    // The sequential answers, computed here without the agent on a small frame of the same pattern.
    DataFrame small = LazyMain.build(3000);
    assertTrue(lines.contains("ROWS " + n + " [x]"), text);
    assertTrue(lines.contains("HEAD " + small.head(3).toString().replace("\n", "|")), text);
    assertTrue(lines.contains("TAIL " + small.tail(2).toString().replace("\n", "|")), text);
    assertTrue(lines.contains("MEAN " + LazyMain.mean(small)), "the mean of 0..999.5 repeated is exact: " + text);
    long bytes = lines.stream().filter(l -> l.startsWith("BYTES ")).mapToLong(l -> Long.parseLong(l.substring(6)))
        .findFirst().orElseThrow();
    assertTrue(bytes < 1_000_000, "the driver received " + bytes + " bytes");
    assertTrue(lines.contains("SMALL " + LazyMain.build(1000).head(2).toString().replace("\n", "|")), text);
    String live = lines.stream().filter(l -> l.startsWith("LIVE ")).findFirst().orElseThrow();
    assertTrue(live.startsWith("LIVE 0 "), "every dropped result is freed on the workers: " + live);
    long baseline = Long.parseLong(lines.stream().filter(l -> l.startsWith("BASELINE ")).findFirst().orElseThrow()
        .replaceAll(".* ARROW ", ""));
    long after = Long.parseLong(live.replaceAll(".* ARROW ", ""));
    assertTrue(after <= baseline, "the workers' Arrow memory is back to its baseline " + baseline + ": " + after);
  }
}
