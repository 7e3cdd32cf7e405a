package dev.parjit.agent.worker;

import java.lang.reflect.Field;

/**
 * Objects made without a constructor, for the receivers of instance methods shipped to workers:
 * the driver's object was constructed by the program; the worker's copy only needs the fields the
 * method reads, which are set right after.
 */
final class Instances {

  private static final sun.misc.Unsafe UNSAFE = unsafe();

  private Instances() { }

  static Object allocate(Class<?> type) throws InstantiationException {
    return UNSAFE.allocateInstance(type);
  }

  private static sun.misc.Unsafe unsafe() {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("sun.misc.Unsafe is not available to make receivers on workers", e);
    }
  }
}
