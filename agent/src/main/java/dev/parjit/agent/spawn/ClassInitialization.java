package dev.parjit.agent.spawn;

import java.lang.reflect.Field;

/**
 * Whether a class's static initializer has run (successfully) in this JVM, asked without running it.
 *
 * <p>The driver reads the statics a {@code @Jit} method reads to ship them with the call, and reading a
 * static runs its class's initializer. The sequential program runs that initializer where the method
 * first reads the static (or never, when no iteration reaches it): its prints, counters and clock reads
 * happen there, and a failing one throws {@code ExceptionInInitializerError} there, then
 * {@code NoClassDefFoundError} at every later use. So a call whose statics live in a class that is not
 * initialized yet runs on the driver, where the original code initializes it at the sequential moment.
 */
public final class ClassInitialization {

  private static final sun.misc.Unsafe UNSAFE = unsafe();

  private ClassInitialization() { }

  /**
   * True when {@code type} is initialized; false while it is not yet, while it is being initialized (a
   * {@code @Jit} call from its own static initializer) and after its initializer failed.
   */
  @SuppressWarnings("deprecation") // the JDK has no other way to ask without initializing
  public static boolean isInitialized(Class<?> type) {
    return !UNSAFE.shouldBeInitialized(type);
  }

  private static sun.misc.Unsafe unsafe() {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("sun.misc.Unsafe is not available to ask whether a class is initialized", e);
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
