package dev.parjit.agent.spawn;

import java.lang.reflect.Constructor;

/**
 * Rebuilds a worker's exception on the driver: the same JDK type with the same message when
 * that type has a {@code (String)} constructor, otherwise a {@link WorkerException} naming the
 * original type. Only {@code java.*} types and a fixed list of Parjit's own are instantiated: class
 * names from the wire never choose application code to run.
 */
final class RemoteExceptions {

  /** Parjit's exceptions users catch, rebuilt as themselves (from the application's class path). */
  private static final java.util.Set<String> PARJIT_TYPES = java.util.Set.of(
      "dev.parjit.frame.io.FrameIOException", "dev.parjit.ParjitCompilationException");

  private RemoteExceptions() { }

  static Throwable rebuild(Messages.RemoteFailure f) {
    Throwable t = null;
    boolean jdk = f.type().startsWith("java.");
    if (jdk || PARJIT_TYPES.contains(f.type())) {
      try {
        Class<?> c = Class.forName(f.type(), false,
            jdk ? ClassLoader.getPlatformClassLoader() : ClassLoader.getSystemClassLoader());
        if (Throwable.class.isAssignableFrom(c)) {
          Constructor<?> k = c.getConstructor(String.class);
          t = (Throwable) k.newInstance(f.message());
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        t = null;
      }
    }
    if (t == null) {
      t = new WorkerException(f.type(), f.message());
    }
    if (f.stack() != null) {
      t.setStackTrace(f.stack());
    }
    return t;
  }
}
