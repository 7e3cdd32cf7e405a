package dev.parjit.it.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sequential run (no agent) on Parjit's classpath prints the program's output only, without
 * SLF4J's "No providers" lines from the libraries under the frames; and ranks, which halt rather
 * than exit, leave no snappy-java library copies in the temporary directory.
 */
class QuietSequentialRunTest {

  @Test
  void aSequentialRunPrintsOnlyTheProgramsOutput(@TempDir Path tmp) throws Exception {
    JobRunner.Finished run = JobRunner.runCommand(JobRunner.javaCommand("--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-Djava.io.tmpdir=" + tmp, "-cp", JobRunner.frameClasspath(), FrameProgram.class.getName()), 120);
    assertEquals(0, run.exitCode(), run.text());
    assertTrue(run.lines().stream().noneMatch(l -> l.contains("SLF4J")), run.text());
    assertEquals(List.of("     A", "0  0.5", "1  1.5", "2  2.5", "3  3.5", "4  4.5", "A    12.5", "dtype: float64"),
        run.lines(), run.text());
  }

  @Test
  void workersReadingSnappyPagesLeaveNoLibraryCopiesInTheTemporaryDirectory(@TempDir Path tmp) throws Exception {
    JobRunner.Finished run = JobRunner.runCommand(JobRunner.javaCommand("--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-Djava.io.tmpdir=" + tmp, "-javaagent:" + JobRunner.agentJar()
            + "=workers=2,log=info,strict=true", "-cp", JobRunner.frameClasspath(), FrameProgram.class.getName()), 180);
    assertEquals(0, run.exitCode(), run.text());
    assertTrue(run.lines().contains("A    12.5"), run.text());
    assertTrue(run.text().contains("placement FrameProgram.total: workers"), run.text());
    try (var left = Files.list(tmp)) {
      assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains("snappy")).toList(),
          run.text());
    }
  }
}
