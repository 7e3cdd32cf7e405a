package dev.parjit.agent.startup;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a worker archive still covers what the workers load: an archive recorded by a run that
 * never read Parquet misses some 1,500 classes a Parquet read loads, and, without this check, would
 * be used as it is by every later run (its name depends on the jars, not on what ran). After its
 * first call, rank 0 compares the classes it loaded that an archive could hold (the JDK's and those
 * of the archived jars; not generated ones) with the class list the archive was dumped from
 * ({@code NAME.jsa.classes}, {@link ArchiveDump}). When {@value #STALE_AT} or more are missing it
 * deletes the archive, so the next start records again; the new dump takes the union of both lists
 * ({@link WorkerArchive#buildInBackground}), so programs that load different classes from the same
 * jars end with one archive that covers them all instead of taking turns.
 */
public final class ArchiveCoverage {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveCoverage.class);

  /** Set on workers that map an archive: its file. */
  public static final String ARCHIVE_PROPERTY = "parjit.workerArchiveFile";

  /** Missing classes from which an archive is re-recorded (a Parquet read alone loads ~1,500). */
  static final int STALE_AT = 200;

  private static volatile Instrumentation instrumentation;

  private ArchiveCoverage() { }

  /** The companion file of {@code archive}: the class names it was dumped from, one a line. */
  public static Path classList(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".classes");
  }

  /** On a worker's agent start: keeps what {@link #checkInBackground} needs, when this worker maps an archive. */
  public static void install(Instrumentation inst) {
    if (System.getProperty(ARCHIVE_PROPERTY) != null) {
      instrumentation = inst;
    }
  }

  /** After rank 0's first call: the check, on a daemon thread (off the next call's path). */
  public static void checkInBackground() {
    Instrumentation inst = instrumentation;
    String archive = System.getProperty(ARCHIVE_PROPERTY);
    if (inst == null || archive == null) {
      return;
    }
    instrumentation = null; // once
    Thread t = new Thread(() -> check(inst, Path.of(archive)), "parjit-archive-coverage");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void check(Instrumentation inst, Path archive) {
    try {
      Path list = classList(archive);
      if (!Files.isRegularFile(list)) {
        return; // an archive dumped before lists were kept: nothing to compare with
      }
      Set<String> listed = new HashSet<>(Files.readAllLines(list, StandardCharsets.UTF_8));
      Set<Path> jars = new HashSet<>();
      for (String j : WorkerArchive.leadingJars(System.getProperty("java.class.path", ""))) {
        jars.add(Path.of(j).toAbsolutePath().normalize());
      }
      int missing = missing(inst.getAllLoadedClasses(), listed, jars);
      if (missing >= STALE_AT) {
        Files.deleteIfExists(archive);
        LOG.info("parjit: the workers' class-data-sharing archive lacks {} classes this program loads; it is recorded"
            + " again at the next start", missing);
      } else {
        LOG.debug("the workers' archive lacks {} of the classes loaded", missing);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not check the workers' archive: {}", e.toString());
    }
  }

  /** How many of {@code loaded} an archive of {@code jars} (and the JDK) could hold but {@code listed} does not name. */
  static int missing(Class<?>[] loaded, Set<String> listed, Set<Path> jars) {
    int missing = 0;
    for (Class<?> c : loaded) {
      if (c.isArray() || c.isPrimitive() || c.isHidden() || c.getName().contains("$$Lambda")) {
        continue;
      }
      String name = c.getName().replace('.', '/');
      if (listed.contains(name) || !archivable(c, jars)) {
        continue;
      }
      missing++;
    }
    return missing;
  }

  private static boolean archivable(Class<?> c, Set<Path> jars) {
    ClassLoader l = c.getClassLoader();
    if (l == null || l == ClassLoader.getPlatformClassLoader()) {
      return true; // the JDK's
    }
    if (l != ClassLoader.getSystemClassLoader()) {
      return false;
    }
    CodeSource source = c.getProtectionDomain().getCodeSource();
    try {
      return source != null && source.getLocation() != null
          && jars.contains(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
    } catch (URISyntaxException | RuntimeException e) {
      return false;
    }
  }

  /** The class names of a class list's plain lines (the first word; {@code @} lines are not classes). */
  static List<String> names(List<String> classListLines) {
    return classListLines.stream().filter(l -> !l.isBlank() && !l.startsWith("@") && !l.startsWith("#"))
        .map(l -> l.split(" ", 2)[0]).toList();
  }
}
