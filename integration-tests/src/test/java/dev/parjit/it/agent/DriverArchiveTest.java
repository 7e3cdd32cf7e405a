package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spawn-mode driver's class-data-sharing archive, through {@code bin/parjit java}: the first run
 * records, a detached dump writes the archive after it exits, the next run's driver maps the classes
 * of its class path's leading jars from it (its class-loading log says "shared objects file"), and a corrupt archive is ignored
 * (the run gives the sequential answer). No temporary file of the recording stays.
 */
class DriverArchiveTest {

  private static JobRunner.Finished run(Path cache, String... jvm) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", JobRunner.root().resolve("bin/parjit").toString(), "java",
        "--workers", "2", "-Dparjit.failOnTransformError=true", "-Dparjit.cacheDir=" + cache));
    cmd.addAll(List.of(jvm));
    cmd.addAll(List.of("-cp", WorkerArchiveTest.jarsFirstClasspath(), ArchiveMain.class.getName()));
    return JobRunner.runCommand(cmd, 180);
  }

  private static Optional<Path> driverArchive(Path cache) throws Exception {
    if (!Files.isDirectory(cache.resolve("cds"))) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(cache.resolve("cds"))) {
      return files.filter(f -> f.getFileName().toString().matches("driver-[0-9a-f]+\\.jsa")).findFirst();
    }
  }

  private static List<String> leftOvers(Path cache) throws Exception {
    try (Stream<Path> files = Files.list(cache.resolve("cds"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("driver-") && !n.endsWith(".jsa")).toList();
    }
  }

  /** The class-loading log of the JVM that started no MPI: the driver's (it names WorkerMain too, to launch it). */
  private static String driverLog(Path logs) throws Exception {
    try (Stream<Path> files = Files.list(logs)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        if (!text.contains("] mpi.MPI ")) {
          return text;
        }
      }
    }
    throw new AssertionError("no driver class-loading log in " + logs);
  }

  @Test
  void builtAfterTheFirstRunMappedByTheNextAndIgnoredWhenCorrupt(@TempDir Path cache) throws Exception {
    try {
      JobRunner.Finished first = run(cache);
      assertEquals(0, first.exitCode(), first.text());
      assertTrue(first.lines().contains(WorkerArchiveTest.expected()), first.text());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (driverArchive(cache).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(250); // a detached JVM dumps it once the driver has exited
      }
      Path archive = driverArchive(cache).orElseThrow(() -> new AssertionError("no driver archive built in " + cache));
      while (!leftOvers(cache).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(250); // the dump deletes the class list as it finishes
      }
      assertEquals(List.of(), leftOvers(cache), "the recording's files are gone");

      Path logs = Files.createDirectories(cache.resolve("logs"));
      JobRunner.Finished second = run(cache, "-Xlog:class+load=info:file=" + logs.resolve("cl-%p.log"));
      assertEquals(0, second.exitCode(), second.text());
      assertTrue(second.lines().contains(WorkerArchiveTest.expected()), second.text());
      String driver = driverLog(logs);
      // The class path's leading jars (the test classes, a directory, and the agent jar after it are not covered)
      assertTrue(driver.contains("dev.parjit.mpi.launch.Launcher source: shared objects file"),
          "the driver mapped Parjit's launcher from " + archive + ":\n"
          + driver.lines().filter(l -> l.contains("dev.parjit.mpi.launch.Launcher ")).toList());

      byte[] garbage = new byte[64 * 1024];
      new java.util.Random(16).nextBytes(garbage);
      archive.toFile().setWritable(true);
      Files.write(archive, garbage);
      JobRunner.Finished corrupt = run(cache);
      assertEquals(0, corrupt.exitCode(), corrupt.text());
      assertTrue(corrupt.lines().contains(WorkerArchiveTest.expected()), corrupt.text());
    } finally {
      // the dumps run detached: end them if this test gave up on them
      ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a)
          .contains(cache.toString())).orElse(false)).forEach(ProcessHandle::destroyForcibly);
    }
  }
}
