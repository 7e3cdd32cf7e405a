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
    Path agent = JobRunner.agentJar();
    JobRunner.Finished run = JobRunner.runCommand(JobRunner.javaCommand("-javaagent:" + agent + "=workers=3",
        "-Dparjit.failOnTransformError=true", "-cp", FrameDifferentialTest.classpath(), BadInputMain.class.getName(),
        data.toString()), 120);
    String text = run.text();
    assertEquals(0, run.exitCode(), text);
    List<String> lines = run.lines();
    // The exception the caller catches is the sequential run's: same type, same message.
    List<String> oracle = sequentialLines(data.toString());
    for (String what : List.of("missing-file", "missing-column", "type-mismatch", "truncated")) {
      String expectedLine = oracle.stream().filter(l -> l.startsWith("CAUGHT " + what + " ")).findFirst().orElseThrow();
      assertLine(lines, "CAUGHT " + what + " ", expectedLine, text);
    }
    assertLine(lines, "CAUGHT missing-file FrameIOException:", "no-such-file.parquet", text);
    assertLine(lines, "CAUGHT missing-column ", "'wattage'", text);
    assertLine(lines, "CAUGHT type-mismatch ", "zone", text);
    assertLine(lines, "CAUGHT truncated FrameIOException:", "truncated.parquet", text);
    double expected = BadInputMain.meanOf(data.resolve("full").toString(), "speed"); // no agent here: sequential
    assertTrue(lines.contains("OK still-usable " + expected), text);
    assertEquals(0, lines.stream().filter(l -> l.contains("\tat ") || l.contains("Exception in thread")).count(),
        "no stack traces printed by workers or driver:\n" + text);
  }

  /** What the program prints without the agent (this JVM has none). */
  private static List<String> sequentialLines(String dir) {
    java.io.PrintStream saved = System.out;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      BadInputMain.main(new String[] {dir});
    } finally {
      System.setOut(saved);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
  }

  private static void assertLine(List<String> lines, String start, String names, String text) {
    List<String> found = lines.stream().filter(l -> l.startsWith(start)).toList();
    assertEquals(1, found.size(), start + "\n" + text);
    assertTrue(found.get(0).contains(names), found.get(0));
  }
}
