package dev.parjit.it.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input fails once, on the driver, naming the file or column; no hang, no duplicated traces. */
class BadInputTest {

  @TempDir
  Path data;

  @Test
  void eachBadInputGivesOneClearExceptionOnTheDriver() throws Exception {
    FrameData.write(FrameData.table(3000), data.resolve("full"), 2, 500);
    byte[] whole = Files.readAllBytes(data.resolve("full/part-00000.parquet"));
    Files.write(data.resolve("truncated.parquet"), Arrays.copyOf(whole, whole.length / 2));
    Path agent = JobRunner.root().resolve("agent/target/parjit-agent.jar");
    JobRunner.Finished run = JobRunner.runCommand(List.of(JobRunner.java(), "-javaagent:" + agent + "=workers=3",
        "-Dparjit.failOnTransformError=true", "-cp", FrameDifferentialTest.classpath(), BadInputMain.class.getName(),
        data.toString()), 120);
    String text = run.text();
    assertEquals(0, run.exitCode(), text);
    List<String> lines = run.lines();
    assertLine(lines, "CAUGHT missing-file ParjitExecutionException | FrameIOException", "no-such-file.parquet", text);
    assertLine(lines, "CAUGHT missing-column ParjitExecutionException |", "'wattage'", text);
    assertLine(lines, "CAUGHT type-mismatch ParjitExecutionException |", "zone", text);
    assertLine(lines, "CAUGHT truncated ParjitExecutionException | FrameIOException", "truncated.parquet", text);
    double expected = BadInputMain.meanOf(data.resolve("full").toString(), "speed"); // no agent here: sequential
    assertTrue(lines.contains("OK still-usable " + expected), text);
    assertEquals(0, lines.stream().filter(l -> l.contains("\tat ") || l.contains("Exception in thread")).count(),
        "no stack traces printed by workers or driver:\n" + text);
  }

  private static void assertLine(List<String> lines, String start, String names, String text) {
    List<String> found = lines.stream().filter(l -> l.startsWith(start)).toList();
    assertEquals(1, found.size(), start + "\n" + text);
    assertTrue(found.get(0).contains(names), found.get(0));
  }
}
