package dev.parjit.agent;

import dev.parjit.runtime.Dispatch;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.agent.cache.CachedDiagnostics;
import dev.parjit.agent.cache.CompileCache;
import dev.parjit.agent.cache.CompiledClass;
import dev.parjit.agent.diagnostics.DiagnosticsPrinter;
import dev.parjit.agent.spawn.ShippedClasses;
import dev.parjit.agent.worker.SpecializationTable;
import dev.parjit.transforms.InstrSupport;
import dev.parjit.transforms.DispatchStub;
import dev.parjit.transforms.JitSelection;
import dev.parjit.transforms.MethodFailure;
import dev.parjit.transforms.MethodPlacement;
import dev.parjit.transforms.RewriteRequest;
import dev.parjit.transforms.RewriteResult;
import dev.parjit.transforms.Role;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites classes with {@code @Jit} methods as they load. Declines quickly for everything else
 * ({@link ClassFilter}, then a byte search for the annotation). A failure is logged with the class
 * and method and the original bytes run: the application never breaks because of the agent —
 * unless the system property {@code parjit.failOnTransformError=true} is set (tests), which
 * makes any failure end the JVM with status 3 after printing it. Classes the compile cache
 * applies to ({@code cache} option or {@code @Jit(cache = true)}) go through {@link CompileCache}.
 */
public final class JitTransformer implements ClassFileTransformer {

  private static final Logger LOG = LoggerFactory.getLogger(JitTransformer.class);

  private final Role role;
  private final AgentOptions options;
  private final JitSelection selection;
  private final boolean failFast = Boolean.getBoolean("parjit.failOnTransformError");
  private final DiagnosticsPrinter diagnostics;
  private final CompileCache cache;
  private final CachedDiagnostics cachedDiagnostics;
  /**
   * Runs, with the class's internal name, when a class with a spawn-mode method is about to be
   * compiled, and again when its stubs are made (it ignores repeats): the driver starts its workers.
   */
  private final java.util.function.Consumer<String> spawnMethodFound;
  /** {@code jit=} patterns that named a method of a class loaded so far. */
  private final java.util.Set<String> matchedPatterns = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public JitTransformer(Role role, AgentOptions options, DiagnosticsPrinter diagnostics) {
    this(role, options, diagnostics, className -> { });
  }

  public JitTransformer(Role role, AgentOptions options, DiagnosticsPrinter diagnostics,
      java.util.function.Consumer<String> spawnMethodFound) {
    this.spawnMethodFound = spawnMethodFound;
    this.role = role;
    this.options = options;
    this.selection = new JitSelection(options.jitPatterns());
    this.diagnostics = diagnostics;
    this.cache = CompileCache.create(role, options.cacheDir());
    this.cachedDiagnostics = new CachedDiagnostics(diagnostics.printsHere(), DiagnosticsPrinter.level(
        options.diagnostics(), System.getenv("PARJIT_DISTRIBUTED_DIAGNOSTICS")), System.out, System.err);
    if (!options.jitPatterns().isEmpty() && diagnostics.printsHere()) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::reportUnmatchedPatterns, "parjit-jit-patterns"));
    }
  }

  /** At exit: a pattern that named nothing (a missing package, a typo) would otherwise say nothing. */
  private void reportUnmatchedPatterns() {
    for (String p : options.jitPatterns()) {
      if (!matchedPatterns.contains(p)) {
        System.err.println("parjit: jit pattern '" + p + "' matched no method of a loaded class (a pattern is "
            + "pkg.Class#method with the package, * matching any characters)");
      }
    }
  }

  /** Notes which patterns name methods of this class. */
  private void notePatterns(String className, byte[] bytes) {
    List<String> names = new java.util.ArrayList<>();
    new org.objectweb.asm.ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(InstrSupport.ASM_API) {
      @Override
      public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc, String sig,
          String[] exceptions) {
        names.add(name);
        return null;
      }
    }, org.objectweb.asm.ClassReader.SKIP_CODE);
    matchedPatterns.addAll(selection.patternsMatching(className, names));
  }

  /** The class {@link LoadedClasses} is retransforming now, or {@code null}. */
  private volatile Class<?> recompiling;

  /** Retransforms a class loaded before the agent, compiling it from its class file. */
  void recompile(java.lang.instrument.Instrumentation inst, Class<?> c)
      throws java.lang.instrument.UnmodifiableClassException {
    recompiling = c;
    try {
      inst.retransformClasses(c);
    } finally {
      recompiling = null;
    }
  }

  /** Whether this JVM records the classes of {@code loader} for its workers (see {@link ShippedClasses}). */
  boolean shipsClassesOf(ClassLoader loader) {
    return role == Role.DRIVER && ShippedClasses.shipsFrom(loader);
  }

  /** Whether a class with these bytes has methods to compile ({@code @Jit} or a {@code jit=} pattern). */
  boolean wants(String className, byte[] bytes) {
    return CompiledClasses.compiles(selection, className, bytes);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
      byte[] bytes) {
    if (!ClassFilter.filter(loader, className)) {
      return null;
    }
    if (redefined != null && redefined == recompiling) {
      // The JVM rebuilds a loaded class's bytes without its class-retention annotations (@Jit):
      // compile the class file as the loader has it.
      byte[] original = resources(loader).apply(className);
      bytes = original != null ? original : bytes;
    }
    if (shipsClassesOf(loader)) {
      // The workers cannot load it from their class path (a JShell snippet, a generated class):
      // its bytes as defined travel with the first call that needs them.
      ShippedClasses.record(loader, className, bytes);
    }
    if (!wants(className, bytes)) {
      return null;
    }
    try {
      if (selection.mayMatchClass(className)) {
        notePatterns(className, bytes);
      }
      if (role == Role.DRIVER && SpawnCandidates.any(bytes, selection)) {
        spawnMethodFound.accept(className); // the workers boot while this class is analysed
      }
      RewriteRequest request =
          new RewriteRequest(role, options.jitPatterns(), resources(loader), options.dumpDir(), options.strict());
      if (role == Role.WORKER) {
        // Kept for compiling specializations of its methods at their first call with a new key.
        SpecializationTable.remember(className, bytes, request, cache.appliesTo(bytes) ? cache : null);
      }
      if (cache.appliesTo(bytes)) {
        return publish(className, cache.compile(className, bytes, request, cachedDiagnostics.printsDiagnostics()));
      }
      RewriteResult result = CompileCache.rewrite(bytes, request);
      logPasses(className, result.passLog(), result.placements());
      for (MethodFailure f : result.failures()) {
        report("could not compile " + f + "; the original code runs", null);
      }
      result.plans().forEach(plan -> diagnostics.compiled(plan, result.placementOf(plan.displayName())));
      if (role == Role.WORKER && result.bytes() != null) {
        registerWorkerSignatures(className, result);
      }
      result.stubs().forEach(JitTransformer::register);
      if (!result.stubs().isEmpty()) {
        spawnMethodFound.accept(className);
      }
      return result.bytes();
    } catch (Throwable t) {
      report("could not compile " + className.replace('/', '.') + ": " + t + "; the original code runs", t);
      return null;
    }
  }

  /** Does for a (possibly cached) compiled class what the lines above do for a fresh result. */
  private byte[] publish(String className, CompiledClass compiled) {
    logPasses(className, compiled.passLog(), compiled.placements());
    for (String f : compiled.failures()) {
      report("could not compile " + f + "; the original code runs", null);
    }
    cachedDiagnostics.compiled(compiled);
    compiled.workerSignatures().forEach(s -> Dispatch.register(s.methodKey(), s.distributedParams(), false));
    compiled.stubs().forEach(JitTransformer::register);
    if (!compiled.stubs().isEmpty()) {
      spawnMethodFound.accept(className);
    }
    return compiled.bytes();
  }

  /** A stubbed method's signature, with the effects the driver reproduces for it. */
  private static void register(DispatchStub stub) {
    Dispatch.register(stub.methodKey(), new Dispatch.Signature(stub.distributedParams(), stub.distributedReturn(),
        stub.writtenParams(), stub.returnedParam(), stub.staticReads().toArray(new String[0]),
        stub.fieldReads().toArray(new String[0])));
    LOG.info("compiled {} for spawn mode", stub.methodKey());
  }

  /**
   * Pass lines at debug; where each method runs ({@code DriverPlacement}) at info, and its warning
   * about parallel work kept on the driver printed like the no-parallelism warning.
   */
  private void logPasses(String className, java.util.List<String> passLog, java.util.List<MethodPlacement> placements) {
    for (String line : passLog) {
      LOG.debug("{}: {}", className, line);
    }
    for (MethodPlacement p : placements) {
      LOG.info("parjit: placement {}: {}", p.method(), p.where());
      if (p.warning() != null) {
        diagnostics.warn(p.warning());
      }
    }
  }

  /** Workers remember which parameters each rewritten method expects in chunks (see WorkerMain). */
  private static void registerWorkerSignatures(String className, RewriteResult result) {
    for (MethodPlan plan : result.plans()) {
      String method = plan.method().name + plan.method().desc;
      if (result.failures().stream().anyMatch(f -> f.method().equals(method))) {
        continue;
      }
      boolean[] scattered = new boolean[plan.paramDistributions().size()];
      for (int k = 0; k < scattered.length; k++) {
        scattered[k] = plan.paramDistributions().get(k).isDistributed();
      }
      Dispatch.register(InstrSupport.methodKey(className, plan.method().name, plan.method().desc), scattered, false);
    }
  }

  private void report(String message, Throwable t) {
    LOG.warn("parjit: {}", message, t);
    if (failFast) {
      System.err.println("parjit: " + message + " (parjit.failOnTransformError=true)");
      Runtime.getRuntime().halt(3);
    }
  }

  /** Class bytes by internal name through the defining loader's resources: no class loading. */
  static Function<String, byte[]> resources(ClassLoader loader) {
    return name -> {
      ClassLoader l = loader != null ? loader : ClassLoader.getSystemClassLoader();
      try (InputStream in = l.getResourceAsStream(name + ".class")) {
        return in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        return null;
      }
    };
  }

}
