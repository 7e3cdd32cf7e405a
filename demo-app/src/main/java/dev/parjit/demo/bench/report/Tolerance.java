package dev.parjit.demo.bench.report;

/** Compares two result digests element by element within a relative tolerance. */
public final class Tolerance {

  private Tolerance() { }

  /**
   * The first element where {@code a} and {@code b} differ by more than {@code relative} times the
   * larger magnitude (exactly equal values, including two NaNs, always match), or {@code -1} when
   * they match; lengths that differ give index {@code min(length)}.
   */
  public static int firstMismatch(double[] a, double[] b, double relative) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (!close(a[i], b[i], relative)) {
        return i;
      }
    }
    return a.length == b.length ? -1 : n;
  }

  /** Whether {@code x} and {@code y} agree within {@code relative} of the larger magnitude. */
  public static boolean close(double x, double y, double relative) {
    if (Double.compare(x, y) == 0 || x == y) {
      return true;
    }
    if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
      return false;
    }
    return Math.abs(x - y) <= relative * Math.max(Math.abs(x), Math.abs(y));
  }
}
