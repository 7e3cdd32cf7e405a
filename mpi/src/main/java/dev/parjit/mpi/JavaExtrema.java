package dev.parjit.mpi;

/**
 * Floating-point MIN and MAX as {@link Math#min(double, double)} and {@link Math#max(double, double)}
 * define them, which is what a sequential {@code m = Math.max(m, a[i])} computes: NaN wins, and
 * {@code -0.0} is below {@code 0.0}. MPI's MIN and MAX compare with {@code <} and {@code >}, so they
 * drop a NaN held by one rank and pick either zero; combining the ranks' values with the
 * {@code Math} functions instead keeps the sequential answer exactly (both are associative and
 * commutative, so the order of ranks does not matter).
 */
final class JavaExtrema {

  private JavaExtrema() { }

  /** Whether {@code op} on floating values must be combined here rather than by MPI. */
  static boolean applies(ReduceOp op) {
    return op == ReduceOp.MIN || op == ReduceOp.MAX;
  }

  static double combine(double a, double b, ReduceOp op) {
    return op == ReduceOp.MIN ? Math.min(a, b) : Math.max(a, b);
  }

  /**
   * Folds {@code all}, the concatenation of every rank's {@code values.length} elements, element by
   * element into {@code values}. Floats travel widened to doubles: the widening is exact and the
   * result is one of the inputs, so narrowing it back is exact too.
   */
  static void fold(double[] all, double[] values, ReduceOp op) {
    int n = values.length;
    for (int i = 0; i < n; i++) {
      double acc = all[i];
      for (int at = n + i; at < all.length; at += n) {
        acc = combine(acc, all[at], op);
      }
      values[i] = acc;
    }
  }
}
