package dev.parjit.agent.startup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the start-up caches ({@code ~/.cache/parjit/cds} and {@code ~/.cache/parjit/start}) bounded:
 * every run adds files there (a start hint per program, an archive per set of jars, and a rank-0
 * class list or dump file while one is written), and nothing else ever removes them.
 *
 * <ul>
 *   <li>A temporary file ({@code NAME.PID.tmp}, {@code NAME.PID.tmp.list}) goes when the process
 *       that wrote it is gone and it is older than {@link #TEMPORARY_GRACE}: a driver that crashed
 *       or exited before its first call left it. The grace covers the hand-over of a class list from
 *       the driver that recorded it (then gone) to the {@link ArchiveDump} that reads it.</li>
 *   <li>Of the entries themselves (archives {@code *.jsa}, hints {@code *.classes}) only the newest
 *       {@code keep} by modification time stay; using one touches it ({@link #touch}), so the ones
 *       that go are the least recently used.</li>
 *   <li>A dump's lock ({@code *.building}) older than {@link #TEMPORARY_GRACE} is left over from a
 *       dump that died.</li>
 * </ul>
 *
 * A file another JVM maps or reads at the time may go: Linux keeps it for that reader, and every
 * reader here copes with a file that is not there (no archive, no hint). Failures only log.
 */
public final class CacheSweep {

  private static final Logger LOG = LoggerFactory.getLogger(CacheSweep.class);

  /** Longer than {@link ArchiveDump}'s time limit: a dump's files are never taken from under it. */
  static final Duration TEMPORARY_GRACE = Duration.ofMinutes(15);

  /** Worker archives kept (each 15–40 MB): the sets of jars of a few checkouts or versions in use at a time. */
  public static final int ARCHIVES_KEPT = 8;

  /** Start hints kept (one per program command line; a few hundred bytes each). */
  public static final int HINTS_KEPT = 64;

  private CacheSweep() { }

  /** Sweeps the default directories ({@link WorkerArchive#defaultDirectory}, {@link StartHint#defaultDirectory}). */
  public static void sweepDefaultDirectories() {
    sweep(WorkerArchive.defaultDirectory(), ".jsa", ARCHIVES_KEPT, System.currentTimeMillis());
    sweep(StartHint.defaultDirectory(), ".classes", HINTS_KEPT, System.currentTimeMillis());
  }

  /**
   * Removes from {@code dir} the temporary files of writers that are gone, stale locks, and all but
   * the newest {@code keep} files named {@code *entrySuffix}; {@code nowMillis} is the time to age
   * files against.
   */
  static void sweep(Path dir, String entrySuffix, int keep, long nowMillis) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(entrySuffix)) {
          entries.add(f);
        } else if (isTemporary(name) || name.endsWith(".building")) {
          long writer = writerPid(name);
          boolean writerAlive = writer > 0 && ProcessHandle.of(writer).map(ProcessHandle::isAlive).orElse(false);
          if (!writerAlive && olderThan(f, TEMPORARY_GRACE, nowMillis)) {
            delete(f);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not sweep {}: {}", dir, e.toString());
      return;
    }
    if (entries.size() <= keep) {
      return;
    }
    entries.sort(Comparator.comparing(CacheSweep::modified).reversed());
    for (Path old : entries.subList(keep, entries.size())) {
      delete(old);
      if (entrySuffix.equals(".jsa")) {
        delete(ArchiveCoverage.classList(old)); // its companion list
      }
    }
  }

  /** Marks {@code file} as just used, so that a sweep keeps it over entries used less recently. */
  public static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not touch {}: {}", file, e.toString());
    }
  }

  static boolean isTemporary(String name) {
    return name.endsWith(".tmp") || name.endsWith(".tmp.list");
  }

  /** The process id in {@code NAME.PID.tmp} or {@code NAME.PID.tmp.list}, or -1 (a lock, or another name). */
  static long writerPid(String name) {
    String stem = name.endsWith(".tmp.list") ? name.substring(0, name.length() - ".tmp.list".length())
        : name.endsWith(".tmp") ? name.substring(0, name.length() - ".tmp".length()) : null;
    if (stem == null) {
      return -1;
    }
    String pid = stem.substring(stem.lastIndexOf('.') + 1);
    if (pid.isEmpty() || pid.length() > 18 || !pid.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(pid);
  }

  private static boolean olderThan(Path f, Duration age, long nowMillis) {
    return nowMillis - modified(f).toMillis() > age.toMillis();
  }

  private static FileTime modified(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      return FileTime.fromMillis(0); // gone or unreadable: first to go
    }
  }

  private static void delete(Path f) {
    try {
      Files.deleteIfExists(f);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not delete {}: {}", f, e.toString());
    }
  }
}
