package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker archive recorded by a run that loaded fewer classes is found stale by a run that loads
 * many more (rank 0 compares after its first call), deleted, and recorded again with both runs'
 * classes; a run loading what the archive covers keeps it.
 */
class WorkerArchiveRefreshTest {

  static JobRunner.Finished run(Path cache, String cp, boolean xml) throws Exception {
    return JobRunner.runCommand(JobRunner.javaCommand("-javaagent:" + JobRunner.agentJar() + "=workers=2,log=debug",
        "-Dparjit.failOnTransformError=true", "-Dparjit.cacheDir=" + cache, "-Dcoverage.xml=" + xml, "-cp", cp,
        CoverageMain.class.getName()), 180);
  }

  static String expected() {
    double s = 0;
    for (int i = 0; i < 10_001; i++) {
      s += (double) (i % 13) * (i % 13);
    }
    return "RESULT " + s;
  }

  static void assertRanOnWorkers(JobRunner.Finished run) {
    assertEquals(0, run.exitCode(), run.text());
    assertEquals(2, run.lines().stream().filter(expected()::equals).count(), run.text());
    assertTrue(run.text().contains("placement CoverageMain.sumOfSquares: workers"), run.text());
    assertTrue(run.text().contains("call 1 answered"), run.text());
  }

  /** The one worker archive in {@code cds} once its dump is done (waits for it). */
  static Path archiveBuilt(Path cds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(cds)) {
        try (Stream<Path> files = Files.list(cds)) {
          List<Path> all = files.toList();
          List<Path> archives = all.stream().filter(p -> p.getFileName().toString().matches("workers-.*\\.jsa")).toList();
          boolean busy = all.stream().anyMatch(p -> p.getFileName().toString().matches(".*(\\.building|\\.tmp|\\.list)"));
          if (archives.size() == 1 && !busy) {
            return archives.get(0);
          }
        }
      }
      Thread.sleep(250); // a detached JVM dumps it after the run
    }
    throw new AssertionError("no worker archive built in " + cds);
  }

  @Test
  void aStaleArchiveIsRecordedAgainWithBothRunsClasses(@TempDir Path cache) throws Exception {
    String cp = WorkerArchiveTest.jarsFirstClasspath();
    Path cds = cache.resolve("cds");
    try {
      assertRanOnWorkers(run(cache, cp, false));
      Path archive = archiveBuilt(cds);
      Path names = archive.resolveSibling(archive.getFileName() + ".classes");
      assertFalse(Files.readString(names).contains("xerces"), "recorded without XML");

      JobRunner.Finished xml = run(cache, cp, true);
      assertRanOnWorkers(xml);
      assertTrue(xml.text().contains("class-data-sharing archive " + archive), xml.text());
      assertTrue(xml.text().contains("it is recorded again at the next start"), xml.text());
      assertFalse(Files.exists(archive), "the stale archive is deleted");

      assertRanOnWorkers(run(cache, cp, true)); // records
      assertEquals(archive, archiveBuilt(cds), "the same jars name the same archive");
      String both = Files.readString(names);
      assertTrue(both.contains("com/sun/org/apache/xerces/internal/parsers/DOMParser"), "the XML run's classes");
      assertTrue(both.contains("dev/parjit/mpi/Communicator"), "and the first run's");

      JobRunner.Finished plain = run(cache, cp, false);
      assertRanOnWorkers(plain);
      assertTrue(plain.text().contains("class-data-sharing archive " + archive), plain.text());
      assertFalse(plain.text().contains("recorded again"), plain.text());
      assertTrue(Files.exists(archive), "a run the archive covers keeps it");
    } finally {
      // the dumps run detached: end any this test gave up on
      ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a)
          .contains(cache.toString())).orElse(false)).forEach(ProcessHandle::destroyForcibly);
    }
  }
}
