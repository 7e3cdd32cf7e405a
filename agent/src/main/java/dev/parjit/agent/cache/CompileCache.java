package dev.parjit.agent.cache;

import dev.parjit.analysis.diagnostics.SourceLines;
import dev.parjit.transforms.ClassRewriter;
import dev.parjit.transforms.RewriteRequest;
import dev.parjit.transforms.RewriteResult;
import dev.parjit.transforms.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compile cache (DESIGN §3 {@code cache}): rewriting a class is looked up under a
 * {@link CacheKey} before it is done, and stored after. With the {@code cache=DIR} agent option
 * every rewritten class uses {@code DIR}; without it only classes with a {@code @Jit(cache = true)}
 * method do, in {@link #defaultDirectory()}.
 *
 * <p>An entry is used only if it decodes (magic, format version, length, checksum), was written
 * for this key, class and compiler, its rewritten bytes name the class, and the classes its
 * frames were computed against are unchanged. Anything else is logged once (a warning when the
 * file is damaged, at info when it is merely outdated), counted in {@link CacheStats#rejected()},
 * and replaced by a fresh compilation. A cache that cannot be written only costs the analysis.
 */
public final class CompileCache {

  private static final Logger LOG = LoggerFactory.getLogger(CompileCache.class);
  /** Files and directories already complained about in this JVM: each is reported once. */
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private final Role role;
  private final CacheStore store;
  private final boolean everyClass;
  private final String unusable;

  private CompileCache(Role role, Path dir, boolean everyClass) {
    this.role = role;
    this.store = new CacheStore(dir);
    this.everyClass = everyClass;
    // The driver reports a refused directory; its workers, refusing it too, need not repeat it.
    this.unusable = unsafeDirectory(dir, role != Role.WORKER);
  }

  /**
   * The cache for this JVM.
   *
   * @param optionDir the {@code cache} agent option, or {@code null}: then only opted-in classes
   *                  are cached, in {@link #defaultDirectory()}
   */
  public static CompileCache create(Role role, Path optionDir) {
    return new CompileCache(role, optionDir != null ? optionDir.toAbsolutePath() : defaultDirectory(),
        optionDir != null);
  }

  /** {@code -Dparjit.cacheDir}, else {@code ~/.cache/parjit}. */
  public static Path defaultDirectory() {
    String configured = System.getProperty("parjit.cacheDir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "parjit");
  }

  /** This JVM's counters. */
  public static CacheStats stats() {
    return CacheStats.now();
  }

  /** The directory. */
  public Path directory() {
    return store.dir();
  }

  /** Whether this class goes through the cache. */
  public boolean appliesTo(byte[] classBytes) {
    return unusable == null && (everyClass || CacheOptIn.optsIn(classBytes));
  }

  /** Analyses and rewrites a class: every compilation goes through here, so it is counted. */
  public static RewriteResult rewrite(byte[] original, RewriteRequest request) {
    CacheStats.analysed();
    return ClassRewriter.rewrite(original, request);
  }

  /**
   * The compiled class from its entry, or compiled now and stored. With {@code dump} set the
   * entry is not read, so the dump is written.
   *
   * @param className          internal name
   * @param needsDiagnostics   this JVM prints diagnostics text: it must have been rendered with
   *                           this run's source path
   */
  public CompiledClass compile(String className, byte[] original, RewriteRequest request, boolean needsDiagnostics) {
    String key = new CacheKey(className, original, CompilerVersion.id(), role.name(), request.jitPatterns(),
        request.strict(), CacheKey.DEFAULT_SPECIALIZATION).hex();
    String roots = SourceLines.roots().toString();
    String name = className.replace('/', '.');
    if (request.dumpDir() == null) {
      CacheStore.Lookup found = store.load(key);
      if (found instanceof CacheStore.Found f) {
        String problem = problem(f.entry(), className, request, roots, needsDiagnostics);
        if (problem == null) {
          CacheStats.hit();
          LOG.info("parjit: cache hit {} ({}) from {}", name, role.name().toLowerCase(), store.file(key));
          return f.entry().compiled();
        }
        reject(name, new CacheStore.Rejected(store.file(key), problem, true));
      } else if (found instanceof CacheStore.Rejected r) {
        reject(name, r);
      }
    }
    CacheStats.missed();
    Map<String, String> dependencies = new TreeMap<>();
    RewriteResult result = rewrite(original, new RewriteRequest(request.role(), request.jitPatterns(),
        ClassDependencies.recording(request.classBytes(), dependencies), request.dumpDir(), request.strict()));
    CompiledClass compiled = CompiledClass.from(className, role, result);
    CacheEntry entry = new CacheEntry(key, className, role.name(), CompilerVersion.id(),
        CacheKey.DEFAULT_SPECIALIZATION, System.currentTimeMillis(), roots, dependencies, compiled);
    storeAfterMiss(entry, name);
    return compiled;
  }

  /** Stores a fresh compilation; a cache that cannot be written only costs the analysis next time. */
  private void storeAfterMiss(CacheEntry entry, String name) {
    try {
      Path file = store.store(entry);
      CacheStats.stored();
      LOG.info("parjit: cache miss {} ({}): analysed, stored {}", name, role.name().toLowerCase(), file);
    } catch (IOException | RuntimeException e) {
      if (REPORTED.add(store.dir().toString())) {
        LOG.warn("parjit: cannot write the compile cache in {} ({}); classes are compiled without it", store.dir(),
            e.toString());
      }
    }
  }

  /**
   * A worker's specialization of one method (see {@code SpecializationCompiler}): its class bytes
   * from the entry for {@code specialization}, or compiled now and stored. Counted like classes.
   *
   * @param className      internal name of the method's class
   * @param original       that class's bytes as loaded
   * @param specialization the method and its {@code SpecializationKey}, {@code name(desc)#key}
   * @param compiledName   the internal name the specialization's class has
   * @param compiler       compiles it (an analysis) on a miss, with the request it is given (its
   *                       class lookup records what the frames were computed against)
   */
  public byte[] specialization(String className, byte[] original, RewriteRequest request, String specialization,
      String compiledName, java.util.function.Function<RewriteRequest, byte[]> compiler) {
    String key = new CacheKey(className, original, CompilerVersion.id(), role.name(), request.jitPatterns(),
        request.strict(), specialization).hex();
    String name = className.replace('/', '.') + " " + specialization;
    if (unusable == null) {
      CacheStore.Lookup found = store.load(key);
      if (found instanceof CacheStore.Found f) {
        String problem = problem(f.entry(), className, compiledName, request, "", false);
        if (problem == null && f.entry().compiled().bytes() != null) {
          CacheStats.hit();
          LOG.info("parjit: cache hit {} ({}) from {}", name, role.name().toLowerCase(), store.file(key));
          return f.entry().compiled().bytes();
        }
        reject(name, new CacheStore.Rejected(store.file(key), problem == null ? "no class bytes" : problem, true));
      } else if (found instanceof CacheStore.Rejected r) {
        reject(name, r);
      }
    }
    CacheStats.missed();
    CacheStats.analysed();
    Map<String, String> dependencies = new TreeMap<>();
    byte[] bytes = compiler.apply(new RewriteRequest(request.role(), request.jitPatterns(),
        ClassDependencies.recording(request.classBytes(), dependencies), request.dumpDir(), request.strict()));
    if (unusable != null) {
      return bytes;
    }
    CompiledClass compiled = new CompiledClass(bytes, java.util.List.of(), java.util.List.of(), java.util.List.of(),
        java.util.List.of(), java.util.List.of());
    CacheEntry entry = new CacheEntry(key, className, role.name(), CompilerVersion.id(), specialization,
        System.currentTimeMillis(), "", dependencies, compiled);
    storeAfterMiss(entry, name);
    return bytes;
  }

  private static String problem(CacheEntry e, String className, RewriteRequest request, String roots,
      boolean needsDiagnostics) {
    return problem(e, className, className, request, roots, needsDiagnostics);
  }

  /** Why a decoded entry must not be used, or {@code null}. */
  private static String problem(CacheEntry e, String className, String compiledName, RewriteRequest request,
      String roots, boolean needsDiagnostics) {
    if (!e.className().equals(className) || !e.compiler().equals(CompilerVersion.id())) {
      return "written for " + e.className() + " by compiler " + e.compiler();
    }
    if (e.compiled().bytes() != null) {
      try {
        if (!new ClassReader(e.compiled().bytes()).getClassName().equals(compiledName)) {
          return "its class bytes name another class";
        }
      } catch (RuntimeException ex) {
        return "its class bytes do not parse";
      }
    }
    String changed = ClassDependencies.changed(e.dependencies(), request.classBytes());
    if (changed != null) {
      return "class " + changed.replace('/', '.') + " changed since it was compiled";
    }
    if (needsDiagnostics && !roots.equals(e.sourceRoots())) {
      return "its diagnostics were rendered with source path " + e.sourceRoots();
    }
    return null;
  }

  private static void reject(String className, CacheStore.Rejected r) {
    CacheStats.rejectedEntry();
    if (!REPORTED.add(r.file().toString())) {
      return;
    }
    if (r.stale()) {
      LOG.info("parjit: compile cache entry {} for {} is outdated ({}); recompiling", r.file(), className, r.reason());
    } else {
      LOG.warn("parjit: ignoring damaged compile cache entry {} for {} ({}); recompiling and replacing it", r.file(),
          className, r.reason());
    }
  }

  /**
   * Entries are code this JVM will run: a directory another user owns could feed it anything, so
   * it is not used. Returns the reason, or {@code null}.
   */
  private static String unsafeDirectory(Path dir, boolean report) {
    if (!Files.isDirectory(dir)) {
      return null; // created owner-only on first store
    }
    String user = System.getProperty("user.name");
    try {
      UserPrincipal owner = Files.getOwner(dir);
      if (user != null && !user.isBlank() && !user.equals("?") && !owner.getName().equals(user)) {
        String reason = "it belongs to " + owner.getName() + ", not " + user;
        if (report && REPORTED.add(dir.toString())) {
          LOG.warn("parjit: not using the compile cache in {}: {}", dir, reason);
        }
        return reason;
      }
    } catch (IOException | UnsupportedOperationException e) {
      // no owners on this file system
    }
    try {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
      if (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)
          || perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)) {
        // Anyone who can write there could plant rewritten classes that this program would run.
        String reason = "other users can write to it (chmod go-w " + dir + ")";
        if (report && REPORTED.add(dir.toString())) {
          LOG.warn("parjit: not using the compile cache in {}: {}", dir, reason);
        }
        return reason;
      }
    } catch (IOException | UnsupportedOperationException e) {
      // no POSIX permissions on this file system
    }
    return null;
  }
}
