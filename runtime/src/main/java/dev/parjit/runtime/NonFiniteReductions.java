package dev.parjit.runtime;

/**
 * The one decision on floating sums and products whose ranks' partials combined to NaN or an
 * infinity. The sequential loop stays at the first infinity its running value reaches, while each
 * rank overflows on its own ({@code 1e308} ten times then {@code -1e308} ten times: {@code Infinity}
 * sequentially, {@code NaN} from two ranks), so such a combined value is not the sequential one. A
 * non-finite partial always makes the combined value non-finite ({@code Inf + x}, {@code Inf * x}),
 * so checking the combined value covers every rank's partial; and every rank holds the same combined
 * value, so every rank decides alike and none is left waiting in a collective.
 *
 * <p>In spawn mode ({@link #enable}, set by the workers) the call then ends with
 * {@link NonFiniteReduction} and the driver reruns it sequentially, which gives the exact result; the
 * call is also marked ({@link #take}) so a worker fails it even if the application's code caught the
 * signal. In SPMD mode there is no driver to rerun on and the combined value stands (a difference the
 * README documents). Finite values cost one test per scalar, one pass per array reduction.
 */
final class NonFiniteReductions {

  private static volatile boolean enabled;
  private static volatile boolean met;

  private NonFiniteReductions() { }

  static void enable(boolean on) {
    enabled = on;
    met = false;
  }

  /** Whether a call on this worker met a non-finite combined reduction since the last call; clears it. */
  static boolean take() {
    boolean m = met;
    met = false;
    return m;
  }

  static void check(double combined, int op, int ranks) {
    if (enabled && ranks > 1 && isSumOrProduct(op) && !Double.isFinite(combined)) {
      signal(Double.toString(combined));
    }
  }

  static void check(float combined, int op, int ranks) {
    if (enabled && ranks > 1 && isSumOrProduct(op) && !Float.isFinite(combined)) {
      signal(Float.toString(combined));
    }
  }

  /** An array reduction combined in place. */
  static void check(Object combined, int op, int ranks) {
    if (!enabled || ranks < 2 || !isSumOrProduct(op)) {
      return;
    }
    if (combined instanceof double[] d) {
      for (double v : d) {
        if (!Double.isFinite(v)) {
          signal(Double.toString(v));
        }
      }
    } else if (combined instanceof float[] f) {
      for (float v : f) {
        if (!Float.isFinite(v)) {
          signal(Float.toString(v));
        }
      }
    }
  }

  private static boolean isSumOrProduct(int op) {
    return op == Neutral.SUM || op == Neutral.PROD;
  }

  private static void signal(String value) {
    met = true;
    LoopFailures.markAgreed(); // every rank throws it at this same point
    throw new NonFiniteReduction("a floating sum or product combined to " + value
        + " over ranks; the call runs on the driver, sequentially");
  }
}
