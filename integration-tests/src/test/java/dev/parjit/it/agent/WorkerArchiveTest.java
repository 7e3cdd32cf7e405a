package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.agent.startup.WorkerArchive;
import dev.parjit.it.JobRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workers' class-data-sharing archive: built on first use, used by the next run, and a corrupt
 * one is ignored (the run gives the sequential answer). The class path starts with jars (the mpi
 * module's runtime jars), as an archive needs.
 */
class WorkerArchiveTest {

  /** Jars first, then this module's test classes. */
  static String jarsFirstClasspath() throws Exception {
    String jars = Files.readString(JobRunner.root().resolve("mpi/target/runtime-classpath.txt")).trim();
    String mpiJar = JobRunner.root().resolve("mpi/target").toFile().listFiles((d, n) -> n.matches("parjit-mpi-.*\\.jar"))[0]
        .toString();
    return mpiJar + File.pathSeparator + jars + File.pathSeparator + JobRunner.testClasses();
  }

  static JobRunner.Finished run(Path cacheDir, String cp) throws Exception {
    return run(cacheDir, cp, "");
  }

  static JobRunner.Finished run(Path cacheDir, String cp, String moreAgentOptions) throws Exception {
    return JobRunner.runCommand(JobRunner.javaCommand(
        "-javaagent:" + JobRunner.agentJar() + "=workers=2,log=debug" + moreAgentOptions,
        "-Dparjit.failOnTransformError=true", "-Dparjit.cacheDir=" + cacheDir, "-cp", cp, ArchiveMain.class.getName()), 180);
  }

  static String expected() {
    double s = 0;
    for (int i = 0; i < 10_001; i++) {
      s += (double) (i % 13) * (i % 13);
    }
    return "RESULT " + s;
  }

  @Test
  void aCorruptArchiveIsIgnored(@TempDir Path cache) throws Exception {
    String cp = jarsFirstClasspath();
    Path archive = WorkerArchive.forClasspath(cp, cache.resolve("cds")).file();
    Files.createDirectories(archive.getParent());
    byte[] garbage = new byte[64 * 1024];
    new java.util.Random(16).nextBytes(garbage);
    Files.write(archive, garbage);
    JobRunner.Finished run = run(cache, cp);
    assertEquals(0, run.exitCode(), run.text());
    assertTrue(run.text().contains("class-data-sharing archive " + archive), "the workers were given it\n" + run.text());
    assertTrue(run.lines().contains(expected()), run.text());
    assertTrue(run.text().contains("placement ArchiveMain.sumOfSquares: workers"), run.text());
  }

  @Test
  void anArchiveBuiltOnFirstUseServesTheNextRun(@TempDir Path cache) throws Exception {
    String cp = jarsFirstClasspath();
    Path archive = WorkerArchive.forClasspath(cp, cache.resolve("cds")).file();
    try {
      JobRunner.Finished first = run(cache, cp);
      assertEquals(0, first.exitCode(), first.text());
      assertTrue(first.lines().contains(expected()), first.text());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (!Files.exists(archive) && System.nanoTime() < deadline) {
        Thread.sleep(250); // a detached JVM dumps it after the first call
      }
      assertTrue(Files.exists(archive), "archive built in the background: " + archive + "\n" + first.text());
      JobRunner.Finished second = run(cache, cp);
      assertEquals(0, second.exitCode(), second.text());
      assertTrue(second.text().contains("class-data-sharing archive " + archive), second.text());
      assertTrue(second.lines().contains(expected()), second.text());
      // Workers recording a flight do not map the archive (OpenJDK 17 workers crashed when both met)
      Path recordings = Files.createDirectories(cache.resolve("jfr"));
      // the repository option keeps JFR's working directory out of java.io.tmpdir (it outlives the worker)
      JobRunner.Finished flight = run(cache, cp, ",workerJvm=-XX:StartFlightRecording=filename=" + recordings.resolve("w.jfr")
          + ";-XX:FlightRecorderOptions=repository=" + recordings);
      assertEquals(0, flight.exitCode(), flight.text());
      assertTrue(flight.lines().contains(expected()), flight.text());
      assertTrue(flight.text().contains("placement ArchiveMain.sumOfSquares: workers"), flight.text());
      assertTrue(!flight.text().contains("class-data-sharing archive " + archive), flight.text());
    } finally {
      // the dump runs detached: end it if this test gave up on it
      ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a)
          .contains(cache.toString())).orElse(false)).forEach(ProcessHandle::destroyForcibly);
    }
  }
}
