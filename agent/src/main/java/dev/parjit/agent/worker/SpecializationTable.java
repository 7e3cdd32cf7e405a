package dev.parjit.agent.worker;

import dev.parjit.agent.cache.CompileCache;
import dev.parjit.analysis.AnalysisException;
import dev.parjit.analysis.plan.SpecializationKey;
import dev.parjit.transforms.ClassRewriter;
import dev.parjit.transforms.RewriteRequest;
import dev.parjit.transforms.SpecializationCompiler;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's table of specializations: per {@code @Jit} method, one compiled body per
 * {@link SpecializationKey} (how the call's arguments arrive). The body the agent compiled when
 * the class loaded serves the key it was analysed for; any other key is compiled at its first
 * call by {@link SpecializationCompiler} into a hidden nestmate class of the method's class, and
 * reused after. A key that cannot be specialized runs the class-load body, which accepts any
 * arrival (it cuts whole values to blocks and keeps chunks), so a failure costs only precision.
 */
public final class SpecializationTable {

  private static final Logger LOG = LoggerFactory.getLogger(SpecializationTable.class);

  /** What a specialization is compiled from: the class as loaded, and how the agent compiled it. */
  public record Source(byte[] bytes, RewriteRequest request, CompileCache cache) { }

  private static final Map<String, Source> SOURCES = new ConcurrentHashMap<>();

  /** Called by the agent for each class it compiled for this worker. */
  public static void remember(String internalName, byte[] original, RewriteRequest request, CompileCache cache) {
    SOURCES.put(internalName, new Source(original.clone(), request, cache));
  }

  /** One key's code: a hidden class holding it, or {@code null} for the body compiled at class load. */
  private record Entry(MethodHandles.Lookup hidden, String description) { }

  private final Map<String, Entry> table = new ConcurrentHashMap<>();
  /** Per key and entry point (the method, or its lazy twin for the driver's calls). */
  private final Map<String, MethodHandle> handles = new ConcurrentHashMap<>();
  private final Map<MethodHandle, MethodHandle> spread = new ConcurrentHashMap<>();
  private final AtomicLong compiled = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();
  private final boolean logHere;
  private final boolean failFast = Boolean.getBoolean("parjit.failOnTransformError");

  /** @param logHere whether this rank logs compilations (rank 0: one line per job, not per rank) */
  public SpecializationTable(boolean logHere) {
    this.logHere = logHere;
  }

  /**
   * Drops every compiled body: the classes they belong to were replaced (shipped classes of a new
   * version, see {@link ShippedClasses}); the counters keep counting.
   */
  void forgetAll() {
    synchronized (this) {
      table.clear();
      handles.clear();
      spreadByKey.clear();
    }
  }

  /** SpecializationTable compiled so far (each key of each method once). */
  public long compiled() {
    return compiled.get();
  }

  /** Calls that found their specialization already compiled. */
  public long reused() {
    return reused.get();
  }

  /**
   * The body to run for a call of {@code methodKey} whose arguments arrive as {@code key}.
   *
   * @param loaded     the method as the agent compiled it at class load (its lazy entry point when
   *                   it has one)
   * @param defaultKey the key that compilation was made for
   */
  MethodHandle handle(Method loaded, String methodKey, SpecializationKey key, SpecializationKey defaultKey)
      throws ReflectiveOperationException {
    String id = methodKey + "#" + key.code();
    Entry e = table.get(id);
    if (e != null) {
      reused.incrementAndGet();
    } else {
      synchronized (this) {
        e = table.get(id);
        if (e == null) {
          e = create(loaded, methodKey, key, defaultKey);
          table.put(id, e);
          compiled.incrementAndGet();
          if (logHere && key.seeds().isEmpty()) {
            // No arrays or frames among the arguments: one body serves every call, nothing to tell.
            LOG.debug("parjit: compiled {} for {}", display(methodKey), e.description());
          } else if (logHere) {
            LOG.info("parjit: compiled {} for {}", display(methodKey), e.description());
          }
        } else {
          reused.incrementAndGet();
        }
      }
    }
    String variant = id + "/" + loaded.getName();
    MethodHandle h = handles.get(variant);
    if (h == null) {
      h = e.hidden() == null ? MethodHandles.lookup().unreflect(loaded)
          : lazyOrPlain(e.hidden(), baseName(loaded.getName()),
              MethodType.methodType(loaded.getReturnType(), loaded.getParameterTypes()),
              loaded.getName().endsWith(ClassRewriter.LAZY_SUFFIX));
      // A varargs method's handle collects a trailing argument into a new array: spread from
      // Object[], the caller's double[] would be unboxed as one element. Calls pass the array itself.
      h = h.asFixedArity();
      handles.put(variant, h);
    }
    return h;
  }

  /**
   * {@link #handle} as a handle of type {@code (Object[])Object} taking the receiver (if any) and
   * the arguments, made once per body: {@code invokeWithArguments} on every call allocates and
   * takes long to be compiled.
   */
  MethodHandle spreadHandle(Method loaded, String methodKey, SpecializationKey key, SpecializationKey defaultKey)
      throws ReflectiveOperationException {
    Spread id = new Spread(loaded, key.code());
    MethodHandle known = spreadByKey.get(id);
    if (known != null) {
      reused.incrementAndGet();
      return known;
    }
    MethodHandle h = handle(loaded, methodKey, key, defaultKey);
    MethodHandle spreader = spread.computeIfAbsent(h, t -> t.asSpreader(Object[].class, t.type().parameterCount())
        .asType(MethodType.methodType(Object.class, Object[].class)));
    spreadByKey.put(id, spreader); // forgetAll runs between calls, on the thread that makes them
    return spreader;
  }

  /**
   * A warm call's look-up: the entry point (one {@code Method} per method key on this worker) and the
   * key's code. {@link #handle} builds two strings of the method key per call to find the same handle,
   * code the JIT took thousands of calls to compile.
   */
  private record Spread(Method loaded, String code) { }

  private final Map<Spread, MethodHandle> spreadByKey = new ConcurrentHashMap<>();

  /**
   * The linker of calls between compiled methods on this worker ({@code dev.parjit.runtime.Specializations}):
   * the callee's body for the caller's key, or {@code null} (the method itself) when the callee was
   * not compiled here.
   */
  MethodHandle link(Class<?> owner, String name, MethodType type, String key) throws ReflectiveOperationException {
    String desc = type.toMethodDescriptorString();
    String methodKey = owner.getName() + "." + name + desc;
    dev.parjit.runtime.Dispatch.Signature compiledHere = dev.parjit.runtime.Dispatch.signature(methodKey);
    if (compiledHere == null) {
      return null;
    }
    Method plain = null;
    for (Method m : owner.getDeclaredMethods()) {
      if (m.getName().equals(name) && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).equals(type)) {
        plain = m;
      }
    }
    if (plain == null) {
      return null;
    }
    plain.setAccessible(true);
    return handle(plain, methodKey, new SpecializationKey(key),
        SpecializationKey.defaultFor(desc, compiledHere.distributedParams()));
  }

  private Entry create(Method loaded, String methodKey, SpecializationKey key, SpecializationKey defaultKey) {
    Class<?> owner = loaded.getDeclaringClass();
    String internalName = owner.getName().replace('.', '/');
    String name = baseName(loaded.getName());
    String desc = methodKey.substring(methodKey.indexOf('('));
    Source source = SOURCES.get(internalName);
    if (key.equals(defaultKey)) {
      String names = source == null ? key.toString()
          : key.describe(SpecializationCompiler.parameterNames(source.bytes(), name, desc));
      return new Entry(null, names + " (compiled when the class loaded)");
    }
    if (source == null) {
      return fallback(methodKey, key, "the class's bytes were not kept when it loaded");
    }
    try {
      byte[] bytes = compile(source, internalName, name, desc, key);
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
          .defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
      MethodType type = MethodType.methodType(loaded.getReturnType(), loaded.getParameterTypes());
      lookup.findStatic(lookup.lookupClass(), name, type); // it has the method, or it is not used
      return new Entry(lookup, key.describe(SpecializationCompiler.parameterNames(source.bytes(), name, desc)));
    } catch (AnalysisException | ReflectiveOperationException | RuntimeException | LinkageError ex) {
      return fallback(methodKey, key, ex.getMessage() != null ? ex.getMessage() : ex.toString());
    }
  }

  private static byte[] compile(Source source, String internalName, String name, String desc, SpecializationKey key)
      throws AnalysisException {
    if (source.cache() == null) {
      return SpecializationCompiler.compile(source.bytes(), source.request(), name, desc, key).bytes();
    }
    AnalysisException[] failure = new AnalysisException[1];
    byte[] bytes = source.cache().specialization(internalName, source.bytes(), source.request(),
        name + desc + "#" + key.code(), internalName + SpecializationCompiler.CLASS_SUFFIX, request -> {
          try {
            return SpecializationCompiler.compile(source.bytes(), request, name, desc, key).bytes();
          } catch (AnalysisException ex) {
            failure[0] = ex;
            return null;
          }
        });
    if (bytes == null) {
      throw failure[0] != null ? failure[0] : new AnalysisException("no specialization was compiled");
    }
    // Whatever came from disk must at least be the class asked for.
    if (!new ClassReader(bytes).getClassName().equals(internalName + SpecializationCompiler.CLASS_SUFFIX)) {
      throw new AnalysisException("the cached specialization names another class");
    }
    return bytes;
  }

  private static MethodHandle lazyOrPlain(MethodHandles.Lookup lookup, String name, MethodType type, boolean lazy)
      throws ReflectiveOperationException {
    if (lazy) {
      try {
        return lookup.findStatic(lookup.lookupClass(), name + ClassRewriter.LAZY_SUFFIX, type);
      } catch (NoSuchMethodException e) {
        // this key's result is not distributed: the plain body returns it whole
      }
    }
    return lookup.findStatic(lookup.lookupClass(), name, type);
  }

  private Entry fallback(String methodKey, SpecializationKey key, String why) {
    String message = "could not specialize " + display(methodKey) + " for key " + key + " (" + why
        + "); the body compiled when the class loaded runs";
    if (logHere) {
      LOG.warn("parjit: {}", message);
    }
    if (failFast) {
      System.err.println("parjit: " + message + " (parjit.failOnTransformError=true)");
      Runtime.getRuntime().halt(3);
    }
    return new Entry(null, key + " (not specialized: " + why + ")");
  }

  private static String baseName(String name) {
    return name.endsWith(ClassRewriter.LAZY_SUFFIX)
        ? name.substring(0, name.length() - ClassRewriter.LAZY_SUFFIX.length()) : name;
  }

  /** {@code pkg.C.m(desc)} as {@code C.m}. */
  private static String display(String methodKey) {
    String head = methodKey.substring(0, methodKey.indexOf('('));
    int dot = head.lastIndexOf('.');
    int prev = head.lastIndexOf('.', dot - 1);
    return head.substring(prev + 1);
  }
}
