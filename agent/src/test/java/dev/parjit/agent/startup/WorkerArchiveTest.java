package dev.parjit.agent.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerArchiveTest {

  private static Path jar(Path dir, String name) throws Exception {
    Path j = dir.resolve(name);
    Files.write(j, new byte[] {'P', 'K', 3, 4});
    return j;
  }

  private static String cp(Object... entries) {
    return String.join(File.pathSeparator, java.util.Arrays.stream(entries).map(Object::toString).toList());
  }

  @Test
  void theArchiveCoversTheJarsBeforeTheFirstDirectory(@TempDir Path dir) throws Exception {
    Path a = jar(dir, "a.jar");
    Path b = jar(dir, "b.jar");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    assertEquals(List.of(a.toString(), b.toString()), WorkerArchive.leadingJars(cp(a, b, classes, jar(dir, "c.jar"))));
    assertEquals(List.of(), WorkerArchive.leadingJars(cp(classes, a)));
    assertEquals(List.of(a.toString()), WorkerArchive.leadingJars(cp(a, dir.resolve("missing.jar"), b)));
  }

  @Test
  void aClassPathStartingWithADirectoryGetsNoArchiveAndRecordsNothing(@TempDir Path dir) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    WorkerArchive w = WorkerArchive.forClasspath(cp(classes, jar(dir, "a.jar")), dir.resolve("cds"));
    assertEquals(List.of(), w.options());
    assertEquals(List.of(), w.recordingOptions());
    assertFalse(w.ready());
  }

  @Test
  void workersRecordingFlightsOrRunningOtherAgentsGetNoArchive(@TempDir Path dir) throws Exception {
    String cp = cp(jar(dir, "a.jar"));
    assertTrue(WorkerArchive.forWorkers(cp, List.of("-Xss2m"), dir.resolve("cds")).file() != null, "an ordinary option");
    for (String o : List.of("-XX:StartFlightRecording=filename=w.jfr", "-XX:FlightRecorderOptions=stackdepth=96",
        "-javaagent:other.jar", "-agentlib:jdwp=transport=dt_socket", "-agentpath:/lib/x.so")) {
      WorkerArchive w = WorkerArchive.forWorkers(cp, List.of("-Xss2m", o), dir.resolve("cds"));
      assertEquals(null, w.file(), o);
      assertEquals(List.of(), w.options(), o);
      assertEquals(List.of(), w.recordingOptions(), o);
    }
  }

  @Test
  void aRebuiltJarNamesAnotherArchive(@TempDir Path dir) throws Exception {
    Path a = jar(dir, "a.jar");
    String before = WorkerArchive.key(List.of(a.toString()));
    assertEquals(before, WorkerArchive.key(List.of(a.toString())));
    Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() - 60_000));
    assertNotEquals(before, WorkerArchive.key(List.of(a.toString())), "modification time");
    String touched = WorkerArchive.key(List.of(a.toString()));
    Files.write(a, new byte[] {'P', 'K', 3, 4, 0});
    Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() - 60_000));
    assertNotEquals(touched, WorkerArchive.key(List.of(a.toString())), "size");
  }

  @Test
  void withoutAnArchiveRankZeroRecordsAndWithOneEveryRankMapsIt(@TempDir Path dir) throws Exception {
    String cp = cp(jar(dir, "a.jar"));
    WorkerArchive w = WorkerArchive.forClasspath(cp, dir.resolve("cds"));
    assertEquals(List.of(), w.options());
    assertEquals(1, w.recordingOptions().size());
    assertTrue(w.recordingOptions().get(0).startsWith("-XX:DumpLoadedClassList=" + dir.resolve("cds")));
    Files.write(w.file(), new byte[] {1});
    assertTrue(w.ready());
    // -Xshare:auto: an archive that does not fit is not used, and the run goes on
    assertTrue(w.options().containsAll(List.of("-XX:SharedArchiveFile=" + w.file(), "-Xshare:auto",
        "-XX:+VerifySharedSpaces")), w.options().toString());
    assertEquals(List.of(), w.recordingOptions());
  }

  @Test
  void generatedClassesAreLeftOutOfTheClassListAndLambdasAreGeneratedByTheDump() {
    String invoker = "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.Invokers$Holder invoker L_L";
    String proxy = "@lambda-proxy dev/parjit/X run ()Ljava/lang/Runnable; ()V REF_invokeStatic dev/parjit/X lambda$f$0 ()V ()V";
    List<String> lines = List.of("# header", "java/lang/Object id: 0", "org/apache/parquet/Foo", invoker, proxy,
        "@some-future-directive x", "@lambda-form-invoker [SPECIES_RESOLVE] java.lang.invoke.BoundMethodHandle$Species_LIL",
        "java/lang/invoke/BoundMethodHandle$Species_LI",
        "java/lang/invoke/LambdaForm$MH/0x0000000800c01000", "dev/parjit/X$$Lambda$14/0x000000080004a000", "");
    assertEquals(List.of("java/lang/Object id: 0", "org/apache/parquet/Foo", invoker, proxy),
        WorkerArchive.shareableLines(lines));
  }

  @Test
  void workersInheritNoSharingOptionOfTheDriver() {
    for (String o : List.of("-Xshare:off", "-XX:SharedArchiveFile=/x.jsa", "-XX:ArchiveClassesAtExit=/x.jsa",
        "-XX:DumpLoadedClassList=/x.lst")) {
      assertTrue(WorkerArchive.isSharingOption(o), o);
    }
    assertFalse(WorkerArchive.isSharingOption("-Xmx1g"));
  }

  @Test
  void theLockIsTakenOnceAndTakenOverWhenLeftOver(@TempDir Path dir) throws Exception {
    Path lock = dir.resolve("x.jsa.building");
    assertTrue(ArchiveDump.takeLock(lock));
    assertFalse(ArchiveDump.takeLock(lock), "a dump is running");
    Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    assertTrue(ArchiveDump.takeLock(lock), "its dump died long ago");
  }
}
