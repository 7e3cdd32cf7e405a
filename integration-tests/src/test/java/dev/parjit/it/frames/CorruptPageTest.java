package dev.parjit.it.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPMD, a frame operation failing on one rank only (corrupt pages in the last part file): every rank
 * raises the exception the run without the agent raises, and the next calls are right on every rank.
 * Without the agreement before frame collectives, the other ranks returned a plausible mean or hung.
 */
class CorruptPageTest {

  @TempDir
  Path data;

  @ParameterizedTest(name = "{0} ranks")
  @ValueSource(ints = {2, 3})
  void everyRankRaisesTheSequentialExceptionAndTheNextCallsAreRight(int ranks) throws Exception {
    FrameData.write(FrameData.table(4000), data.resolve("full"), 2, 500);
    Path corrupt = FrameData.write(FrameData.table(4000), data.resolve("corrupt"), 2, 500);
    Path last = corrupt.resolve("part-00001.parquet");
    byte[] bytes = Files.readAllBytes(last);
    for (int i = 4; i < bytes.length / 2; i++) {
      bytes[i] = (byte) 0xA5; // pages of the first row groups: their headers no longer parse
    }
    Files.write(last, bytes);
    List<String> oracle = CorruptPageMain.results(data.toString()); // this JVM has no agent
    assertTrue(oracle.get(0).startsWith("CAUGHT "), oracle.toString());

    Path agent = JobRunner.agentJar();
    List<String> cmd = JobRunner.launcherCommand("--agent", agent.toString(), "-np", Integer.toString(ranks),
        "-Dparjit.failOnTransformError=true", "-cp", FrameDifferentialTest.classpath(),
        CorruptPageMain.class.getName(), data.toString());
    JobRunner.Finished run = JobRunner.runCommand(cmd, 120);
    assertEquals(0, run.exitCode(), run.text());
    for (int r = 0; r < ranks; r++) {
      String prefix = "[rank " + r + "] ";
      List<String> mine = run.lines().stream().filter(l -> l.startsWith(prefix + "CAUGHT ") || l.startsWith(prefix + "OK ")
          || l.startsWith(prefix + "GOOD ")).map(l -> l.substring(prefix.length())).toList();
      assertEquals(oracle.size(), mine.size(), "rank " + r + "\n" + run.text());
      assertEquals(oracle.get(0), mine.get(0), "rank " + r + " raises the sequential exception\n" + run.text());
      for (int k = 1; k < oracle.size(); k++) {
        double expected = Double.parseDouble(oracle.get(k).substring(5));
        double actual = Double.parseDouble(mine.get(k).substring(5));
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), "rank " + r + " call " + k + "\n" + run.text());
      }
    }
  }
}
