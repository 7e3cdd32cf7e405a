package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A null row met by a parallel loop over the rows of a matrix: the sequential run throws the JVM's
 * helpful {@code NullPointerException}, which names the row by the code that loaded it
 * ({@code Cannot load from double array because "m[i]" is null}). SPMD mode raised the rewritten
 * code's message on every rank, naming the rank's local index instead: {@code "m[...]"} for
 * {@code m[i - start]}, {@code "out[dev.parjit.runtime.ParallelRuntime.checkIndex(int, int, int)]"}
 * where the index is checked against the global length. Likewise one element of a distributed array
 * that is null, read after the loop ({@code x[n / 2]}): the runtime's shared read threw naming its own
 * parameter ({@code "a"}) instead of {@code "x"}. (Spawn mode hid both: a failed call reruns on the
 * driver.)
 */
public final class NullRows implements EffectsProgram {

  /** Rows made for every index but {@code gap}, then summed: the read of row {@code gap} fails. */
  @Jit
  static double sumWithGap(int n, int gap) {
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      if (i != gap) {
        m[i] = new double[] {i, 0.5 * i};
      }
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += m[i][1];
    }
    return s;
  }

  /**
   * Every row but the last made, then written through {@code last}: the loop's bound is not the
   * array's, so the row index is checked against the global length before the row is loaded.
   */
  @Jit
  static double[][] writeThrough(int n, int last) {
    double[][] out = new double[n][];
    for (int i = 0; i < n - 1; i++) {
      out[i] = new double[2];
    }
    for (int i = 0; i <= last; i++) {
      out[i][0] = i + 0.25;
    }
    return out;
  }

  /** A buffer made only when asked for, filled in parallel, then one element of it read. */
  @Jit
  static double middleOf(int n, boolean make) {
    double[] x = make ? new double[n] : null;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i * 1.5;
    }
    return x[n / 2] + y[n / 2];
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    call(s, "sumWithGap none", () -> sumWithGap(n, -1));
    call(s, "sumWithGap last", () -> sumWithGap(n, n - 1));
    call(s, "sumWithGap middle", () -> sumWithGap(n, n / 2));
    call(s, "writeThrough", () -> writeThrough(n, n - 1));
    call(s, "writeThrough short", () -> writeThrough(n, n - 2));
    call(s, "middleOf made", () -> middleOf(n, true));
    call(s, "middleOf null", () -> middleOf(n, false));
  }

  /** Puts the kernel's result, or the exception it threw, under {@code key}. */
  private static void call(State s, String key, java.util.function.Supplier<Object> kernel) {
    try {
      s.put(key, kernel.get());
    } catch (RuntimeException e) {
      s.put(key + " thrown", e.getClass().getName() + ": " + e.getMessage());
    }
  }
}
