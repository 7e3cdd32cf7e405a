package dev.parjit.agent.startup;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class-data-sharing archive of a spawn-mode driver JVM that {@code bin/parjit java} launched:
 * the launcher names it ({@value #PROPERTY}) and, the first time, has the JVM record the classes it
 * loads ({@code -XX:DumpLoadedClassList} into {@code NAME.classes.PID.tmp} beside it). This class
 * only hands that record over: when a driver that recorded made a {@code @Jit} call, a detached
 * {@link ArchiveDump} waits for the driver to exit (the JVM completes the list then) and writes the
 * archive, which the launcher gives the next runs ({@code -XX:SharedArchiveFile}, {@code -Xshare:auto},
 * {@code -XX:+VerifySharedSpaces}: a corrupt or stale archive is ignored by the JVM). The driver then
 * maps the JDK classes beyond the default archive, the agent and compiler, Arrow and its lambdas
 * instead of loading them. A driver that made no call records nothing: its list would miss what a
 * call loads. The archive's name, and so when one is stale, is the launcher's decision (a hash of the
 * JDK and of the leading jars of the class path); failures only log.
 */
public final class DriverArchive {

  private static final Logger LOG = LoggerFactory.getLogger(DriverArchive.class);

  /** Set by {@code bin/parjit java} when this JVM records its classes for the archive named. */
  public static final String PROPERTY = "parjit.driverArchive";

  private DriverArchive() { }

  /** The archive this driver records for, or {@code null}. */
  static Path recordingFor() {
    String a = System.getProperty(PROPERTY);
    return a == null || a.isBlank() ? null : Path.of(a);
  }

  /** {@code NAME.classes.PID.tmp} beside {@code archive}: where the launcher has this JVM write its class list. */
  static Path recording(Path archive, long pid) {
    String name = archive.getFileName().toString();
    String stem = name.endsWith(".jsa") ? name.substring(0, name.length() - 4) : name;
    return archive.resolveSibling(stem + ".classes." + pid + ".tmp");
  }

  /**
   * At the driver's exit: when it recorded its classes, a detached dump writes the archive after this
   * JVM is gone ({@code madeCalls}), or the record is deleted (no call: an archive of it would miss
   * the classes of a call). {@code jitPatterns}: the program's {@code jit=} patterns (an AOT cache
   * leaves out the classes they compile).
   */
  public static void afterRun(boolean madeCalls, List<String> jitPatterns) {
    Path archive = recordingFor();
    if (archive == null) {
      return;
    }
    long pid = ProcessHandle.current().pid();
    Path recording = recording(archive, pid);
    try {
      if (!madeCalls || Files.exists(archive)) {
        Files.deleteIfExists(recording); // the JVM writes on into the deleted file, then drops it
        return;
      }
      List<String> jars = WorkerArchive.leadingJars(System.getProperty("java.class.path", ""));
      if (jars.isEmpty()) {
        Files.deleteIfExists(recording);
        return;
      }
      List<String> cmd = new ArrayList<>(List.of(WorkerArchive.javaExecutable(),
          "-D" + AotClassLinking.JIT_PATTERNS_PROPERTY + "=" + String.join(";", jitPatterns), "-cp", ArchiveDump.classpathOfThisJar(),
          ArchiveDump.class.getName(), archive.toString(), recording.toString(), String.join(File.pathSeparator, jars),
          Long.toString(pid)));
      cmd.addAll(AotClassLinking.dumpOptions(
          AotClassLinking.moduleOptions(ManagementFactory.getRuntimeMXBean().getInputArguments())));
      new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.PIPE).start().getOutputStream().close();
      LOG.debug("building the driver's class-data-sharing archive {} after this JVM exits", archive);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not start building the driver's class-data-sharing archive: {}", e.toString());
    }
  }
}
