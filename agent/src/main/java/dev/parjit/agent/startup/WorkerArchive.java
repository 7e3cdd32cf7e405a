package dev.parjit.agent.startup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class-data-sharing archive (AppCDS) for spawn-mode worker JVMs: a worker then maps the
 * classes it loads at start-up and at its first call (MPJ, Arrow, Parquet, Jackson, the agent's
 * dependencies: about 3,400 classes besides the JDK's) instead of reading and verifying them.
 *
 * <p>Built on first use: without an archive, rank 0 records the classes it loads
 * ({@code -XX:DumpLoadedClassList}; the JVM writes the list whole only when it exits); when the
 * workers that ran calls stop, {@link #buildInBackground} has a detached {@link ArchiveDump} write
 * the archive, which later runs use. The archive covers the
 * leading run of jar files of the workers' class path (the JVM refuses an archive whose class path
 * holds a non-empty directory, and needs the run-time class path to start with the archived
 * one): {@code -cp app.jar:lib/*.jar} is covered whole, {@code -cp classes:lib/...} not at all.
 *
 * <p>Never stale: the archive's name is a hash of the JDK and of every archived jar's path, size
 * and modification time, so a rebuilt jar or another JDK names another archive. Never fatal: the
 * JVM's {@code -Xshare:auto} runs without sharing when an archive does not fit or fails its
 * checksum ({@code -XX:+VerifySharedSpaces}), and every failure here only logs. Lines the JDK 17
 * dump cannot serve to an agent's class-file hook (generated classes named on plain lines, which
 * crash a worker at their first use) are left out of the class list; lambda proxies and
 * method-handle forms are archived through the list's {@code @lambda-proxy} and
 * {@code @lambda-form-invoker} lines instead.
 */
public final class WorkerArchive {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerArchive.class);

  /** {@code -Dparjit.workerArchive=false} starts workers without an archive (and records none). */
  public static final String ENABLED_PROPERTY = "parjit.workerArchive";

  private final List<String> prefix;
  private final List<String> moduleOptions;
  private final Path archive;
  private final Path recording;
  private final String disabledReason;
  private final AtomicBoolean buildStarted = new AtomicBoolean();

  private WorkerArchive(List<String> prefix, List<String> moduleOptions, Path archive, Path recording,
      String disabledReason) {
    this.prefix = prefix;
    this.moduleOptions = moduleOptions;
    this.archive = archive;
    this.recording = recording;
    this.disabledReason = disabledReason;
  }

  /** The archive for workers started with {@code classpath}, kept under {@code dir}. */
  public static WorkerArchive forClasspath(String classpath, Path dir) {
    return forWorkers(classpath, List.of(), dir);
  }

  /**
   * The archive for workers started with {@code classpath} and the JVM options {@code jvmOptions},
   * kept under {@code dir}; none when an option is one the archive cannot live with
   * ({@link #conflictingOption}).
   */
  public static WorkerArchive forWorkers(String classpath, List<String> jvmOptions, Path dir) {
    return forWorkers(classpath, jvmOptions, List.of(), dir);
  }

  /**
   * As {@link #forWorkers(String, List, Path)}, for workers whose module graph is shaped by
   * {@code moduleOptions} ({@link AotClassLinking#moduleOptions} of their whole command line): an AOT
   * cache (JDK 25 and later) is dumped with them and named by them, since a JVM with other ones
   * cannot use it.
   */
  public static WorkerArchive forWorkers(String classpath, List<String> jvmOptions, List<String> moduleOptions, Path dir) {
    if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
      return disabled("-D" + ENABLED_PROPERTY + "=false");
    }
    for (String o : jvmOptions) {
      if (conflictingOption(o)) {
        return disabled("the worker JVM option " + o + " instruments classes, which an archived class may not survive");
      }
    }
    List<String> prefix = leadingJars(classpath);
    if (prefix.isEmpty()) {
      return disabled("the class path does not start with a jar file");
    }
    List<String> modules = AotClassLinking.supported() ? List.copyOf(moduleOptions) : List.of();
    String key = key(prefix, modules);
    return new WorkerArchive(prefix, modules, dir.resolve(key + ".jsa"),
        dir.resolve(key + ".classes." + ProcessHandle.current().pid() + ".tmp"), null);
  }

  /** {@code ~/.cache/parjit/cds} (under {@code -Dparjit.cacheDir} when set, as the compile cache). */
  public static Path defaultDirectory() {
    String base = System.getProperty("parjit.cacheDir");
    return (base != null ? Path.of(base) : Path.of(System.getProperty("user.home"), ".cache", "parjit")).resolve("cds");
  }

  private static WorkerArchive disabled(String reason) {
    return new WorkerArchive(List.of(), List.of(), null, null, reason);
  }

  /** The entries of the class path up to the first that is not a jar file. */
  static List<String> leadingJars(String classpath) {
    List<String> out = new ArrayList<>();
    for (String e : classpath.split(File.pathSeparator, -1)) {
      Path p;
      try {
        p = Path.of(e);
      } catch (RuntimeException bad) {
        break;
      }
      if (e.isEmpty() || !Files.isRegularFile(p) || !(e.endsWith(".jar") || e.endsWith(".zip"))) {
        break;
      }
      out.add(e);
    }
    return out;
  }

  /** The JDK and each jar's path, size and modification time, hashed. */
  static String key(List<String> jars) {
    return key(jars, List.of());
  }

  /** The JDK, each jar's path, size and modification time, and the module options (when any), hashed. */
  static String key(List<String> jars, List<String> moduleOptions) {
    StringBuilder sb = new StringBuilder();
    for (String o : moduleOptions) {
      sb.append(o).append('\n');
    }
    for (String p : new String[] {"java.home", "java.vm.name", "java.vm.version", "os.arch"}) {
      sb.append(System.getProperty(p)).append('\n');
    }
    for (String j : jars) {
      File f = new File(j);
      sb.append(f.getAbsolutePath()).append('|').append(f.length()).append('|').append(f.lastModified()).append('\n');
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return "workers-" + HexFormat.of().formatHex(h, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a built archive is there for this class path. */
  public boolean ready() {
    try {
      return archive != null && Files.isRegularFile(archive) && Files.size(archive) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The archive file (whether built or not), or {@code null} when disabled. */
  public Path file() {
    return archive;
  }

  /** Options for every worker: use the archive when it is built. */
  public List<String> options() {
    if (!ready()) {
      return List.of();
    }
    CacheSweep.touch(archive); // in use: a sweep keeps it over archives of jars no longer run
    List<String> out = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-XX:+VerifySharedSpaces",
        "-D" + ArchiveCoverage.ARCHIVE_PROPERTY + "=" + archive));
    out.addAll(AotClassLinking.quietOptions());
    return out;
  }

  /** Whether rank 0 records its classes in this start (there is no archive to use yet). */
  public boolean recording() {
    return disabledReason == null && !ready();
  }

  /** Options for rank 0: record its classes when there is no archive to use yet. */
  public List<String> recordingOptions() {
    if (disabledReason != null || ready()) {
      if (disabledReason != null) {
        LOG.debug("no class-data-sharing archive for the workers: {}", disabledReason);
      }
      return List.of();
    }
    try {
      Files.createDirectories(recording.getParent());
    } catch (IOException e) {
      LOG.debug("no class-data-sharing archive for the workers: {}", e.toString());
      return List.of();
    }
    return List.of("-XX:DumpLoadedClassList=" + recording);
  }

  /**
   * After workers that ran calls stopped: has a detached JVM build the archive from rank 0's class
   * list (it may outlive this program; the archive appears under its final name only when
   * complete). Once per driver; nothing when an archive is there or nothing was recorded.
   */
  public void buildInBackground() {
    buildInBackground(List.of());
  }

  /** As {@link #buildInBackground()}, for a program with these {@code jit=} patterns (an AOT cache leaves out what they compile). */
  public void buildInBackground(List<String> jitPatterns) {
    if (disabledReason != null || !Files.isRegularFile(recording)) {
      return;
    }
    if (ready()) {
      discardRecording(); // another program built it meanwhile
      return;
    }
    if (!buildStarted.compareAndSet(false, true)) {
      return;
    }
    try {
      Path list = recording.resolveSibling(recording.getFileName() + ".list");
      Files.write(list, withEarlierClasses(shareableLines(Files.readAllLines(recording, StandardCharsets.UTF_8)),
          ArchiveCoverage.classList(archive)));
      Files.deleteIfExists(recording);
      List<String> cmd = new ArrayList<>(List.of(javaExecutable(),
          "-D" + AotClassLinking.JIT_PATTERNS_PROPERTY + "=" + String.join(";", jitPatterns), "-cp", ArchiveDump.classpathOfThisJar(),
          ArchiveDump.class.getName(), archive.toString(), list.toString(), String.join(File.pathSeparator, prefix), "-"));
      cmd.addAll(AotClassLinking.dumpOptions(moduleOptions));
      new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.PIPE).start().getOutputStream().close();
      LOG.debug("building the workers' class-data-sharing archive {} in the background", archive);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not start building the workers' class-data-sharing archive: {}", e.toString());
    }
  }

  /**
   * {@code lines} followed by the classes of an earlier archive's list ({@code earlier}, when there
   * is one: that archive was found stale by {@link ArchiveCoverage}) that they do not name: the new
   * archive covers both runs' classes, so two programs on the same jars do not re-record in turns.
   */
  static List<String> withEarlierClasses(List<String> lines, Path earlier) throws IOException {
    if (!Files.isRegularFile(earlier)) {
      return lines;
    }
    java.util.Set<String> named = new java.util.HashSet<>(ArchiveCoverage.names(lines));
    List<String> out = new ArrayList<>(lines);
    for (String name : Files.readAllLines(earlier, StandardCharsets.UTF_8)) {
      if (!name.isBlank() && named.add(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /**
   * After workers that ran no call stopped: deletes rank 0's class list (an archive of a start alone
   * would miss what calls load), which would otherwise stay behind as a temporary file.
   */
  public void discardRecording() {
    if (recording == null) {
      return;
    }
    try {
      Files.deleteIfExists(recording);
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", recording, e.toString());
    }
  }

  /**
   * The class list's lines the dump can serve to a worker with an agent: plain class lines, except
   * generated classes, and the lines that have the dump generate lambda proxies
   * ({@code @lambda-proxy}) and method-handle forms ({@code @lambda-form-invoker [LF_RESOLVE]})
   * ahead of time. A generated class that would be archived as an ordinary class is left out: one
   * named on a plain line ({@code $$Lambda}, {@code LambdaForm$}, {@code $Species_}) or generated
   * for a {@code [SPECIES_RESOLVE]} line (a {@code BoundMethodHandle} species). Its archived copy
   * has no class file, and JDK 17 crashes (SIGSEGV in {@code check_shared_class_file_load_hook})
   * fetching one for the agent's class-file hook when the class is first used. The kept lines are
   * safe: the JVM does not send archived lambda proxies (hidden classes) through that hook, and the
   * regenerated form holders are JDK classes with class files, which the agent leaves alone. They
   * save a worker spinning some hundred lambda and method-handle classes, with the JDK's bytecode
   * generator, at its start and first call.
   */
  static List<String> shareableLines(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      boolean generated = l.contains("$$Lambda") || l.contains("LambdaForm$") || l.contains("$Species_");
      boolean ahead = l.startsWith("@lambda-proxy ") || l.startsWith("@lambda-form-invoker [LF_RESOLVE] ");
      if (l.isBlank() || l.startsWith("#") || (l.startsWith("@") && !ahead) || (!ahead && generated)) {
        continue;
      }
      out.add(l);
    }
    return out;
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Whether a worker JVM option makes the archive unsafe: Java Flight Recorder and other agents
   * redefine or retransform classes, and OpenJDK 17 workers mapping this archive crashed (SIGSEGV in
   * {@code klassVtable::update_inherited_vtable}) as soon as JFR started. Such workers run without
   * sharing: slower to start, never broken.
   */
  static boolean conflictingOption(String jvmOption) {
    return jvmOption.startsWith("-XX:StartFlightRecording") || jvmOption.startsWith("-XX:FlightRecorderOptions")
        || jvmOption.startsWith("-XX:+FlightRecorder") || jvmOption.startsWith("-javaagent")
        || jvmOption.startsWith("-agentlib") || jvmOption.startsWith("-agentpath");
  }

  /** Whether a JVM option of the driver's is about class-data sharing: workers never inherit those. */
  public static boolean isSharingOption(String jvmOption) {
    return jvmOption.startsWith("-Xshare") || jvmOption.startsWith("-XX:SharedArchiveFile")
        || jvmOption.startsWith("-XX:ArchiveClassesAtExit") || jvmOption.startsWith("-XX:DumpLoadedClassList")
        || jvmOption.startsWith("-XX:SharedClassListFile") || jvmOption.startsWith("-XX:+VerifySharedSpaces")
        // JDK 24+ names for the same archives: a driver's AOT cache is its own class path's, never a worker's
        || jvmOption.startsWith("-XX:AOTCache") || jvmOption.startsWith("-XX:AOTMode")
        || jvmOption.startsWith("-XX:AOTConfiguration") || jvmOption.startsWith("-XX:+AOTClassLinking");
  }
}
