package dev.parjit.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Gives a failure of a {@code @Jit} method that ran on the driver the stack trace it has without the
 * agent. A spawn-mode stub runs the method's original code as a private twin {@code m$parjitSequential}
 * called from the stub {@code m}, so an exception thrown there shows two frames (the twin's, with the
 * source lines, then the stub's, without) where the sequential run shows one frame {@code m}. A caller
 * that prints the trace ({@code e.printStackTrace()}, a logger) or reads {@code getStackTrace()} would
 * see the difference; this folds each such pair back into the one frame {@code m}, keeping the twin's
 * line, in the exception, its causes and its suppressed exceptions.
 */
public final class SequentialFrames {

  /**
   * The suffix of a sequential twin's name (the transforms' {@code InstrSupport.SEQUENTIAL_SUFFIX},
   * repeated here because the runtime does not depend on the compiler; a transforms test checks that
   * they agree).
   */
  public static final String SUFFIX = "$parjitSequential";

  private SequentialFrames() { }

  /** Rewrites {@code t}'s frames (and those of its causes and suppressed exceptions) in place; returns {@code t}. */
  public static Throwable restore(Throwable t) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>();
    todo.add(t);
    while (!todo.isEmpty()) {
      Throwable x = todo.remove(todo.size() - 1);
      if (x == null || !seen.add(x)) {
        continue;
      }
      StackTraceElement[] frames = x.getStackTrace();
      StackTraceElement[] folded = fold(frames);
      if (folded != frames) {
        x.setStackTrace(folded);
      }
      todo.add(x.getCause());
      Collections.addAll(todo, x.getSuppressed());
    }
    return t;
  }

  /** The frames with each twin frame renamed to its method and the stub frame right after it dropped; {@code frames} itself when there is none. */
  static StackTraceElement[] fold(StackTraceElement[] frames) {
    List<StackTraceElement> out = null;
    for (int i = 0; i < frames.length; i++) {
      StackTraceElement f = frames[i];
      String name = f.getMethodName();
      if (!name.endsWith(SUFFIX)) {
        if (out != null) {
          out.add(f);
        }
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(frames.length);
        for (int j = 0; j < i; j++) {
          out.add(frames[j]);
        }
      }
      String method = name.substring(0, name.length() - SUFFIX.length());
      out.add(renamed(f, method));
      // The stub that called the twin: same class and method, no line (it has no source).
      if (i + 1 < frames.length && frames[i + 1].getClassName().equals(f.getClassName())
          && frames[i + 1].getMethodName().equals(method)) {
        i++;
      }
    }
    return out == null ? frames : out.toArray(new StackTraceElement[0]);
  }

  /**
   * {@code f} named {@code method}, printing as {@code f} does. The JVM leaves out of a frame's text the
   * name of a built-in class loader ({@code app}) and a JDK module's version, which a frame built
   * through the public constructor would print ({@code app//p.K.m(K.java:12)}): those parts are kept
   * only when {@code f} shows them.
   */
  private static StackTraceElement renamed(StackTraceElement f, String method) {
    String text = f.toString();
    String loader = f.getClassLoaderName();
    if (loader != null && !text.startsWith(loader + "/")) {
      loader = null;
    }
    String version = f.getModuleVersion();
    if (version != null && !text.contains("@" + version + "/")) {
      version = null;
    }
    return new StackTraceElement(loader, f.getModuleName(), version, f.getClassName(), method, f.getFileName(),
        f.getLineNumber());
  }
}
