package dev.parjit.agent.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collection;

/**
 * Initializes classes on a worker with their initializers' output dropped, where the driver has
 * already run those initializers and printed their lines once, as the sequential run does; a worker
 * running them again would add one {@code [rank N]} copy of those lines per worker:
 * <ul>
 *   <li>the class of a shipped method (calling the driver's stub initialized it there);</li>
 *   <li>the classes of the statics a call reads, which the worker initializes only to overwrite the
 *       values their initializers computed with the driver's (a call reading statics of a class the
 *       driver has not initialized runs on the driver).</li>
 * </ul>
 * Only the initializing thread's output is dropped: {@code System.out} and {@code System.err} are
 * replaced by streams that pass other threads' writes through, and restored even when an initializer
 * fails. Classes first initialized during a call still print on the worker (the sequential run also
 * prints them then, but once).
 */
final class QuietInitialization {

  private QuietInitialization() { }

  static Class<?> forName(String className, ClassLoader loader) throws ClassNotFoundException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    hold(out, err);
    try {
      return Class.forName(className, true, loader);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /**
   * Initializes each class not initialized yet. After the first calls every class is, and the streams
   * are not touched at all.
   */
  static void initialize(Collection<Class<?>> classes) throws ClassNotFoundException {
    for (Class<?> c : classes) {
      if (!dev.parjit.agent.spawn.ClassInitialization.isInitialized(c)) {
        forName(c.getName(), c.getClassLoader());
      }
    }
  }

  /** Replaces both streams with ones that drop what the current thread writes. */
  private static void hold(PrintStream out, PrintStream err) {
    Thread quiet = Thread.currentThread();
    System.setOut(new PrintStream(new OtherThreads(out, quiet), true));
    System.setErr(new PrintStream(new OtherThreads(err, quiet), true));
  }

  /** Passes writes through to {@code target}, except those of {@code quiet}. */
  private static final class OtherThreads extends OutputStream {
    private final PrintStream target;
    private final Thread quiet;

    OtherThreads(PrintStream target, Thread quiet) {
      this.target = target;
      this.quiet = quiet;
    }

    @Override
    public void write(int b) {
      if (Thread.currentThread() != quiet) {
        target.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (Thread.currentThread() != quiet) {
        target.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      if (Thread.currentThread() != quiet) {
        target.flush();
      }
    }
  }
}
