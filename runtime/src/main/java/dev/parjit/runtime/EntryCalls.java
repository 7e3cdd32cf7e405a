package dev.parjit.runtime;

import java.lang.invoke.MethodHandle;

/**
 * A spawn-mode worker's call of the method the driver shipped (the entry call), as opposed to the
 * calls that method makes to other compiled methods. An array of rows the entry call returns goes
 * to the driver, which assembles it from every rank's block: each rank sends its own rows, so they
 * are not first gathered onto every rank ({@link ParallelRuntime#replicateRows}) only for rank 0 to
 * send the whole array. A nested call's rows are still gathered: its caller reads them whole.
 */
public final class EntryCalls {

  /** The rows the entry call returned as this rank's block, not gathered; taken by the worker. */
  private static final ThreadLocal<Object> KEPT = new ThreadLocal<>();

  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES);

  private EntryCalls() { }

  /** Runs the shipped method's body ({@code (Object[])Object}, the arguments spread). */
  public static Object invoke(MethodHandle body, Object[] args) throws Throwable {
    KEPT.remove();
    return (Object) body.invokeExact(args);
  }

  /**
   * Whether the compiled method that called {@link ParallelRuntime#replicateRows} (from its
   * {@code ARETURN}) was called by {@link #invoke} itself. The walk shows hidden frames because a
   * specialization is a hidden class, whose frames a default walker leaves out: a nested call from
   * one would otherwise look like the entry call, and its rows would not be gathered for its caller.
   * Method-handle and reflection frames, hidden too, are not calls of compiled code and are skipped.
   */
  static boolean returnsToTheDriver() {
    return WALKER.walk(frames -> frames.skip(2)
        .filter(f -> !isPlumbing(f.getClassName()))
        .skip(1)
        .findFirst()
        .map(f -> f.getClassName().equals(EntryCalls.class.getName()) && f.getMethodName().equals("invoke"))
        .orElse(false));
  }

  private static boolean isPlumbing(String className) {
    return className.startsWith("java.lang.invoke.") || className.startsWith("jdk.internal.reflect.");
  }

  /** replicateRows kept {@code rows} as this rank's block for the driver. */
  static void kept(Object rows) {
    KEPT.set(rows);
  }

  /** The rows the last entry call kept as this rank's block, or {@code null}; cleared. */
  public static Object takeKept() {
    Object rows = KEPT.get();
    KEPT.remove();
    return rows;
  }
}
