package dev.parjit.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.it.JobRunner;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On JDK 25 and later the workers' archive is an AOT cache, whose classes the JVM loads at start-up,
 * before the agent: the @Jit class must be left out of it, or the workers (and a driver with one)
 * would run it uncompiled. The program's class is in a jar at the head of the class path, so the
 * archive would hold it. Skipped (saying so) when no JDK 25+ sits beside the JDK running the tests,
 * or {@code PARJIT_TEST_JDK25} names none.
 */
class WorkerAotCacheTest {

  private static final Pattern FEATURE = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

  /** A JDK of feature 25 or later: {@code PARJIT_TEST_JDK25}, else one beside this test's JDK. */
  static Optional<Path> jdk25() throws IOException {
    String named = System.getenv("PARJIT_TEST_JDK25");
    if (named != null && !named.isBlank()) {
      return Optional.of(Path.of(named));
    }
    Path jvms = Path.of(System.getProperty("java.home")).toRealPath().getParent();
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.filter(h -> feature(h) >= 25).sorted().findFirst();
    }
  }

  private static int feature(Path home) {
    try {
      Matcher m = FEATURE.matcher(Files.readString(home.resolve("release")));
      return m.find() && Files.isExecutable(home.resolve("bin/java")) ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** {@link ArchiveMain} in a jar of its own. */
  private static Path appJar(Path dir) throws IOException {
    Path j = dir.resolve("app.jar");
    String entry = ArchiveMain.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(j); JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry(entry));
      jar.write(Files.readAllBytes(JobRunner.testClasses().resolve(entry)));
      jar.closeEntry();
    }
    return j;
  }

  static JobRunner.Finished run(Path jdk, Path cache, String cp, String workerJvm) throws Exception {
    return JobRunner.runCommand(List.of(jdk.resolve("bin/java").toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-javaagent:" + JobRunner.agentJar() + "=workers=2,log=debug" + workerJvm,
        "-Dparjit.failOnTransformError=true", "-Dparjit.cacheDir=" + cache, "-cp", cp, ArchiveMain.class.getName()), 180);
  }

  @Test
  void theAotCacheLeavesTheJitClassToTheAgent(@TempDir Path dir) throws Exception {
    Optional<Path> jdk = jdk25();
    Assumptions.assumeTrue(jdk.isPresent(), "no JDK 25 or later beside " + System.getProperty("java.home")
        + " (set PARJIT_TEST_JDK25): the AOT cache is not tested");
    Path cache = dir.resolve("cache");
    String cp = appJar(dir) + File.pathSeparator + WorkerArchiveTest.jarsFirstClasspath();
    try {
      JobRunner.Finished first = run(jdk.get(), cache, cp, "");
      assertEquals(0, first.exitCode(), first.text());
      assertTrue(first.lines().contains(WorkerArchiveTest.expected()), first.text());
      Path archive = WorkerArchiveRefreshTest.archiveBuilt(cache.resolve("cds"));

      Path logs = Files.createDirectories(dir.resolve("logs"));
      JobRunner.Finished second = run(jdk.get(), cache, cp, ",workerJvm=-Xlog:class+load:file=" + logs + "/w%p.txt");
      assertEquals(0, second.exitCode(), second.text());
      assertTrue(second.text().contains("class-data-sharing archive " + archive), second.text());
      assertTrue(second.lines().contains(WorkerArchiveTest.expected()), second.text());
      assertTrue(second.text().contains("placement ArchiveMain.sumOfSquares: workers"), second.text());
      assertTrue(second.text().contains("call 1 answered"), second.text());
      List<Path> workerLogs;
      try (Stream<Path> files = Files.list(logs)) {
        // a worker's, not the JVM that checked the worker options first
        workerLogs = files.filter(f -> {
          try {
            return Files.readString(f).contains("dev.parjit.mpi.launch.RankMain ");
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).toList();
      }
      assertEquals(2, workerLogs.size(), workerLogs.toString());
      for (Path log : workerLogs) {
        String text = Files.readString(log);
        assertTrue(Pattern.compile("dev\\.parjit\\.mpi\\.Communicator source: shared objects file").matcher(text).find(),
            "the worker mapped the archive: " + log);
        assertTrue(Pattern.compile("dev\\.parjit\\.it\\.agent\\.ArchiveMain source: (file|jar):").matcher(text).find(),
            "the @Jit class came from its jar, through the agent: " + log);
      }
    } finally {
      ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a)
          .contains(dir.toString())).orElse(false)).forEach(ProcessHandle::destroyForcibly);
    }
  }
}
