package dev.parjit.agent.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSweepTest {

  private static final long NOW = System.currentTimeMillis();
  private static final long OLD = NOW - CacheSweep.TEMPORARY_GRACE.toMillis() - 60_000;

  private static Path file(Path dir, String name, long modified) throws Exception {
    Path f = Files.write(dir.resolve(name), new byte[] {1});
    Files.setLastModifiedTime(f, FileTime.fromMillis(modified));
    return f;
  }

  private static Set<String> names(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
    }
  }

  /** A process id no process has: a child that has exited. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void temporaryFilesOfGoneWritersGoOnceOld(@TempDir Path dir) throws Exception {
    long dead = deadPid();
    long alive = ProcessHandle.current().pid();
    file(dir, "workers-a.classes." + dead + ".tmp", OLD); // a driver that crashed before its first call
    file(dir, "workers-a.classes." + dead + ".tmp.list", OLD); // a dump that never ran
    file(dir, "workers-a.jsa." + dead + ".tmp", OLD); // a dump killed half-way
    file(dir, "workers-b.classes." + dead + ".tmp.list", NOW); // just handed to a dump: kept
    file(dir, "workers-c.classes." + alive + ".tmp", OLD); // a driver still running: kept
    file(dir, "workers-d.jsa.building", OLD); // a dead dump's lock
    file(dir, "workers-e.jsa.building", NOW); // a dump at work
    file(dir, "workers-a.jsa", NOW);
    CacheSweep.sweep(dir, ".jsa", 4, NOW);
    assertEquals(new TreeSet<>(List.of("workers-a.jsa", "workers-b.classes." + dead + ".tmp.list",
        "workers-c.classes." + alive + ".tmp", "workers-e.jsa.building")), names(dir));
  }

  @Test
  void onlyTheNewestEntriesStay(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 10; i++) {
      file(dir, "program-" + i + ".classes", NOW - (10 - i) * 1000L); // program-9 is the newest
    }
    file(dir, "notes.txt", 0); // not an entry, not temporary: left alone
    CacheSweep.sweep(dir, ".classes", 3, NOW);
    assertEquals(new TreeSet<>(List.of("program-7.classes", "program-8.classes", "program-9.classes", "notes.txt")),
        names(dir));
  }

  @Test
  void aHintReadBackIsKeptOverNewerOnesNotUsed(@TempDir Path dir) throws Exception {
    StartHint.of(dir, "app.Used", "").record("app.K");
    Path used;
    try (var files = Files.list(dir)) {
      used = files.filter(f -> f.toString().endsWith(".classes")).findFirst().orElseThrow();
    }
    Files.setLastModifiedTime(used, FileTime.fromMillis(NOW - 3_600_000));
    for (int i = 0; i < 3; i++) {
      StartHint.of(dir, "app.Other" + i, "").record("app.K");
    }
    try (var files = Files.list(dir)) { // written after it, used before this read
      for (Path f : files.toList()) {
        if (!f.getFileName().equals(used.getFileName())) {
          Files.setLastModifiedTime(f, FileTime.fromMillis(NOW - 60_000));
        }
      }
    }
    assertEquals(List.of("app.K"), StartHint.of(dir, "app.Used", "").classes()); // reading it marks it used
    CacheSweep.sweep(dir, ".classes", 2, System.currentTimeMillis() + 1000);
    assertTrue(Files.exists(used), "the hint just used stays");
    assertEquals(2, dir.toFile().list((d, n) -> n.endsWith(".classes")).length);
  }

  @Test
  void anArchiveInUseIsTheLastToGo(@TempDir Path dir) throws Exception {
    Path jar = Files.write(dir.resolve("a.jar"), new byte[] {'P', 'K', 3, 4});
    Path cds = Files.createDirectories(dir.resolve("cds"));
    WorkerArchive w = WorkerArchive.forClasspath(jar.toString(), cds);
    file(cds, w.file().getFileName().toString(), NOW - 3_600_000);
    file(cds, "workers-x.jsa", NOW - 1000);
    assertFalse(w.options().isEmpty(), "the archive is there");
    CacheSweep.sweep(cds, ".jsa", 1, System.currentTimeMillis() + 1000);
    assertEquals(Set.of(w.file().getFileName().toString()), names(cds));
  }

  @Test
  void aRecordingOfWorkersThatRanNoCallIsDeleted(@TempDir Path dir) throws Exception {
    Path jar = Files.write(dir.resolve("a.jar"), new byte[] {'P', 'K', 3, 4});
    Path cds = dir.resolve("cds");
    WorkerArchive w = WorkerArchive.forClasspath(jar.toString(), cds);
    String option = w.recordingOptions().get(0);
    Path recording = Path.of(option.substring(option.indexOf('=') + 1));
    Files.write(recording, List.of("java/lang/Object id: 0"));
    w.discardRecording();
    assertEquals(Set.of(), names(cds));
    w.buildInBackground(); // nothing recorded: nothing to build, nothing left
    assertEquals(Set.of(), names(cds));
  }

  @Test
  void writerPids() {
    assertEquals(123, CacheSweep.writerPid("workers-ab.classes.123.tmp"));
    assertEquals(123, CacheSweep.writerPid("workers-ab.classes.123.tmp.list"));
    assertEquals(7, CacheSweep.writerPid("program-ab.classes.7.tmp"));
    assertEquals(-1, CacheSweep.writerPid("workers-ab.jsa.building"));
    assertEquals(-1, CacheSweep.writerPid("x.tmp"));
    assertEquals(-1, CacheSweep.writerPid("x.12a.tmp"));
    assertEquals(-1, CacheSweep.writerPid("x" + File.separator + ".tmp"));
  }
}
