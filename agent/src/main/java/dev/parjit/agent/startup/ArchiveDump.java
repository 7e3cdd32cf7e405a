package dev.parjit.agent.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ArchiveDump <archive> <class list> <class path> [<pid>|- [<dump JVM options>...]]}: the
 * detached JVM that writes a {@link WorkerArchive} or a {@link DriverArchive} (with {@code pid}: the
 * class list is that process's own record, read once it has exited and reduced to {@link
 * WorkerArchive#shareableLines}). The dump JVM options are {@link AotClassLinking#dumpOptions}: on
 * JDK 25 and later they make the archive an AOT cache. Beside a worker archive it keeps the names of
 * the classes listed ({@link ArchiveCoverage#classList}). Runs {@code java -Xshare:dump} into a temporary file and renames it
 * to the archive only when the dump succeeded, so a reader never maps half an archive; one dump per
 * archive at a time (a lock file, taken over when older than the dump's time limit). Exits 0 also
 * when it gave up: nobody waits for it.
 */
public final class ArchiveDump {

  private static final long TIME_LIMIT_MINUTES = 10;

  private ArchiveDump() { }

  public static void main(String[] args) throws Exception {
    Path archive = Path.of(args[0]);
    Path list = Path.of(args[1]);
    String classpath = args[2];
    Path lock = archive.resolveSibling(archive.getFileName() + ".building");
    Path recorded = null;
    try {
      if (args.length > 3 && !args[3].equals("-")) {
        // A JVM's own class list (a driver's): complete only once that JVM has exited.
        recorded = list;
        list = recorded.resolveSibling(recorded.getFileName() + ".list");
        if (!exited(Long.parseLong(args[3])) || !Files.isRegularFile(recorded)) {
          return;
        }
        Files.write(list, WorkerArchive.shareableLines(Files.readAllLines(recorded, StandardCharsets.UTF_8)));
      }
      if (!takeLock(lock) || Files.exists(archive)) {
        return;
      }
      List<String> names = ArchiveCoverage.names(Files.readAllLines(list, StandardCharsets.UTF_8));
      List<String> dumpOptions = Arrays.asList(args).subList(Math.min(4, args.length), args.length);
      if (AotClassLinking.linksAheadOfTime(dumpOptions)) {
        Files.write(list, AotClassLinking.withoutCompiledClasses(Files.readAllLines(list, StandardCharsets.UTF_8),
            classpath, AotClassLinking.patterns(System.getProperty(AotClassLinking.JIT_PATTERNS_PROPERTY))));
      }
      Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        List<String> cmd = new ArrayList<>(List.of(WorkerArchive.javaExecutable(), "-Xshare:dump",
            "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + tmp));
        cmd.addAll(dumpOptions);
        cmd.addAll(List.of("-cp", classpath));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(TIME_LIMIT_MINUTES, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          return;
        }
        if (p.exitValue() == 0 && Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
          if (recorded == null) { // a worker archive: rank 0 compares what it loads with these names
            Files.write(ArchiveCoverage.classList(archive), names); // (written first: the archive is then complete)
          }
          Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
        Files.deleteIfExists(lock);
      }
    } finally {
      Files.deleteIfExists(list);
      if (recorded != null) {
        Files.deleteIfExists(recorded);
      }
      // Off every program's path: this JVM runs detached, after the program's workers stopped.
      CacheSweep.sweep(archive.getParent(), ".jsa", CacheSweep.ARCHIVES_KEPT, System.currentTimeMillis());
    }
  }

  /** Waits (up to the time limit) for process {@code pid} to exit; whether it did. */
  static boolean exited(long pid) throws InterruptedException {
    java.util.Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty()) {
      return true;
    }
    try {
      p.get().onExit().get(TIME_LIMIT_MINUTES, TimeUnit.MINUTES);
      return true;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  /** Creates the lock file; a left-over one older than the time limit (its dump died) is taken over. */
  static boolean takeLock(Path lock) throws IOException {
    try {
      Files.createFile(lock);
      return true;
    } catch (FileAlreadyExistsException e) {
      FileTime t = Files.getLastModifiedTime(lock);
      if (System.currentTimeMillis() - t.toMillis() > TimeUnit.MINUTES.toMillis(TIME_LIMIT_MINUTES)) {
        Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis()));
        return true;
      }
      return false;
    }
  }

  /** The jar (or directory) this class came from: the dump's own class path. */
  static String classpathOfThisJar() {
    try {
      return Path.of(ArchiveDump.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("cannot locate the agent's jar", e);
    }
  }

}
