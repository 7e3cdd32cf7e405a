package dev.parjit.agent.startup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an earlier run of the same program taught its driver: the classes with spawn-mode {@code @Jit}
 * methods it compiled. A driver that finds them starts its workers as the agent starts, while the
 * JVM still loads the program (one processor otherwise idles until the first such class loads), and
 * the workers compile those classes while MPI starts, instead of at the first call. A program that
 * never compiled such a class has no hint and starts no workers until it does.
 *
 * <p>The same program is the same command ({@code sun.java.command}: main class or jar, and its
 * arguments), class path and JDK, with every class path entry's size and modification time: a
 * rebuilt jar names another hint. A hint that is wrong costs idle workers, stopped at exit like
 * workers never called; it never changes what the program computes. Failures only log.
 */
public final class StartHint {

  private static final Logger LOG = LoggerFactory.getLogger(StartHint.class);

  private final Path file;
  private final Set<String> classes;

  private StartHint(Path file, Set<String> classes) {
    this.file = file;
    this.classes = classes;
  }

  /** This program's hint under {@code dir} (read now; empty when there is none). */
  public static StartHint forThisProgram(Path dir) {
    return of(dir, System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""));
  }

  /** The hint of the program run as {@code command} with {@code classpath}. */
  static StartHint of(Path dir, String command, String classpath) {
    Path f = dir.resolve(key(command, classpath) + ".classes");
    Set<String> known = new LinkedHashSet<>();
    try {
      if (Files.isRegularFile(f)) {
        for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (isClassName(l)) {
            known.add(l);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("no start-up hint: {}", e.toString());
    }
    if (!known.isEmpty()) {
      CacheSweep.touch(f); // in use: a sweep keeps it over hints of programs not run lately
    }
    return new StartHint(f, known);
  }

  /** {@code ~/.cache/parjit/start} (under {@code -Dparjit.cacheDir} when set, as the compile cache). */
  public static Path defaultDirectory() {
    return WorkerArchive.defaultDirectory().resolveSibling("start");
  }

  /** The classes an earlier run compiled with spawn-mode methods (binary names), in the order it met them. */
  public synchronized List<String> classes() {
    return new ArrayList<>(classes);
  }

  /** Notes that this run compiles {@code className} (binary name) with spawn-mode methods; written at once. */
  public synchronized void record(String className) {
    if (!isClassName(className) || !classes.add(className)) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      Files.write(tmp, classes, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not write the start-up hint {}: {}", file, e.toString());
    }
  }

  /** A Java binary class name, nothing else: the file is read back as a list of classes to load. */
  static boolean isClassName(String s) {
    if (s == null || s.isEmpty() || s.length() > 1000) {
      return false;
    }
    for (String part : s.split("\\.", -1)) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
        return false;
      }
      for (int i = 1; i < part.length(); i++) {
        if (!Character.isJavaIdentifierPart(part.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }

  /** The command, the JDK, and every class path entry with its size and modification time, hashed. */
  static String key(String command, String classpath) {
    StringBuilder sb = new StringBuilder(command).append('\n').append(System.getProperty("java.home")).append('\n');
    for (String e : classpath.split(File.pathSeparator, -1)) {
      File f = new File(e);
      sb.append(f.getAbsolutePath()).append('|').append(f.length()).append('|').append(f.lastModified()).append('\n');
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return "program-" + HexFormat.of().formatHex(h, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
