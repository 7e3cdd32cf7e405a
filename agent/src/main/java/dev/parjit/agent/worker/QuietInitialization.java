package dev.parjit.agent.worker;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Initializes the class of a shipped method on a worker with its output dropped. The driver ran
 * that class's static initializer before its first call could be shipped (calling the stub
 * initializes the class), and printed what it prints there once, as the sequential run does; a
 * worker running the same initializer again would add one {@code [rank N]} copy of those lines
 * per worker. Classes first initialized during a call still print on the worker (the sequential run
 * also prints them then, but once).
 */
final class QuietInitialization {

  private QuietInitialization() { }

  static Class<?> forName(String className, ClassLoader loader) throws ClassNotFoundException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(nowhere);
    System.setErr(nowhere);
    try {
      return Class.forName(className, true, loader);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
