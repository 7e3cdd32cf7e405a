package dev.parjit.agent.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveCoverageTest {

  @Test
  void classesTheListNamesOrNoArchiveCouldHoldAreNotMissing() {
    Class<?>[] loaded = {String.class, java.sql.Date.class, ArchiveCoverageTest.class, int[].class, Runnable.class};
    Set<String> listed = new HashSet<>(List.of("java/lang/String"));
    // java.sql is the platform loader's, Runnable the boot loader's: both are the JDK's, so archivable;
    // this test class comes from a directory, never from an archived jar
    assertEquals(2, ArchiveCoverage.missing(loaded, listed, Set.of()));
    listed.add("java/lang/Runnable");
    assertEquals(1, ArchiveCoverage.missing(loaded, listed, Set.of()));
    Runnable lambda = () -> { };
    assertEquals(0, ArchiveCoverage.missing(new Class<?>[] {lambda.getClass()}, Set.of(), Set.of()), "generated");
  }

  @Test
  void aClassListsNamesAreItsPlainLinesFirstWords() {
    assertEquals(List.of("java/lang/Object", "a/B"), ArchiveCoverage.names(List.of("java/lang/Object id: 0", "# note", "",
        "@lambda-proxy a/B run ()V", "a/B id: 7 super: 0")));
  }

  @Test
  void aReRecordedListKeepsTheStaleArchivesClasses(@TempDir Path dir) throws Exception {
    Path archive = dir.resolve("workers-x.jsa");
    List<String> fresh = List.of("java/lang/Object id: 0", "b/Parquet id: 1", "@lambda-proxy b/Parquet run ()V");
    assertEquals(fresh, WorkerArchive.withEarlierClasses(fresh, ArchiveCoverage.classList(archive)), "no earlier list");
    Files.write(ArchiveCoverage.classList(archive), List.of("java/lang/Object", "a/MonteCarlo", ""));
    assertEquals(List.of("java/lang/Object id: 0", "b/Parquet id: 1", "@lambda-proxy b/Parquet run ()V", "a/MonteCarlo"),
        WorkerArchive.withEarlierClasses(fresh, ArchiveCoverage.classList(archive)));
  }

  @Test
  void threadTimesAreReadFromProcStatAndGroupedByKind() {
    // pid (comm with spaces) state ppid ... utime(14) stime(15)
    String stat = "4242 (C2 CompilerThre) S 1 1 1 0 -1 4194368 10 0 0 0 37 5 0 0 20 0 1 0 100 0 0";
    assertEquals(42, ThreadCpu.cpuTicks(stat));
    assertEquals("jitC2", ThreadCpu.kind("C2 CompilerThre"));
    assertEquals("jitC1", ThreadCpu.kind("C1 CompilerThre"));
    assertEquals("gc", ThreadCpu.kind("GC Thread#0"));
    assertEquals("main", ThreadCpu.kind("main"));
    assertEquals("other", ThreadCpu.kind("parjit-worker-0"));
  }
}
