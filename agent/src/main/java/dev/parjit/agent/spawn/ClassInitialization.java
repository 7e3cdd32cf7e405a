package dev.parjit.agent.spawn;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a class's static initializer has run (successfully) in this JVM, asked without running it.
 *
 * <p>The driver reads the statics a {@code @Jit} method reads to ship them with the call, and reading a
 * static runs its class's initializer. The sequential program runs that initializer where the method
 * first reads the static (or never, when no iteration reaches it): its prints, counters and clock reads
 * happen there, and a failing one throws {@code ExceptionInInitializerError} there, then
 * {@code NoClassDefFoundError} at every later use. So a call whose statics live in a class that is not
 * initialized yet runs on the driver, where the original code initializes it at the sequential moment.
 *
 * <p>The JDK answers the question only through {@code Unsafe.shouldBeInitialized}: {@code sun.misc.Unsafe}
 * up to JDK 21, {@code jdk.internal.misc.Unsafe} after (JDK 22 removed the public one), which the agent
 * exports to itself with {@link Instrumentation#redefineModule}. When neither is reachable every class
 * counts as not initialized, so such calls run on the driver: slower, never a different answer.
 */
public final class ClassInitialization {

  private static final Logger LOG = LoggerFactory.getLogger(ClassInitialization.class);

  /** {@code (Class) -> boolean shouldBeInitialized}, bound to its Unsafe; null when unreachable. */
  private static volatile MethodHandle shouldBeInitialized = publicUnsafe();

  private ClassInitialization() { }

  /**
   * Reaches the JDK-internal Unsafe when the public one has no {@code shouldBeInitialized} (JDK 22 and
   * later). Called once by the agent as it starts, in every role.
   */
  public static void install(Instrumentation inst) {
    if (shouldBeInitialized != null) {
      return;
    }
    try {
      Module base = Object.class.getModule();
      inst.redefineModule(base, Set.of(), Map.of("jdk.internal.misc", Set.of(ClassInitialization.class.getModule())),
          Map.of(), Set.of(), Map.of());
      Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
      Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
      // This class's own lookup: the package is exported to its module only.
      shouldBeInitialized = MethodHandles.lookup()
          .findVirtual(unsafeType, "shouldBeInitialized", MethodType.methodType(boolean.class, Class.class))
          .bindTo(unsafe);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("parjit: cannot ask whether a class is initialized ({}); calls that read statics run on the driver",
          e.toString());
    }
  }

  /**
   * True when {@code type} is initialized; false while it is not yet, while it is being initialized (a
   * {@code @Jit} call from its own static initializer), after its initializer failed, and when this JVM
   * cannot tell.
   */
  public static boolean isInitialized(Class<?> type) {
    MethodHandle probe = shouldBeInitialized;
    if (probe == null) {
      return false;
    }
    try {
      return !(boolean) probe.invokeExact(type);
    } catch (Throwable e) {
      throw new IllegalStateException("Unsafe.shouldBeInitialized failed for " + type.getName(), e);
    }
  }

  /** {@code sun.misc.Unsafe.shouldBeInitialized} where the JDK still has it (up to JDK 21). */
  private static MethodHandle publicUnsafe() {
    try {
      Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
      f.setAccessible(true);
      Object unsafe = f.get(null);
      return MethodHandles.publicLookup()
          .findVirtual(unsafe.getClass(), "shouldBeInitialized", MethodType.methodType(boolean.class, Class.class))
          .bindTo(unsafe);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // JDK 22+: install() reaches the internal one
    }
  }

  /** A static the call reads belongs to a class the program has not initialized yet. */
  public static final class NotInitialized extends Exception {
    private static final long serialVersionUID = 1L;

    NotInitialized(Class<?> type) {
      super("class " + type.getName() + " is not initialized yet (its initializer runs where the method first"
          + " reads it, or has failed)");
    }
  }
}
