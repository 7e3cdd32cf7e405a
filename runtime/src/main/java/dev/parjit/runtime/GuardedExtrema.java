package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;

/**
 * Combines a guarded extremum across ranks: a loop that keeps the best value seen so far and what
 * goes with it, {@code if (v > best) { best = v; at = i; }}. Each rank runs its block of iterations
 * from a starting value that loses every comparison (rank 0 from the loop's own starting value) and
 * notes whether its guard ever passed. Folding the ranks' results in rank order with the loop's own
 * comparison gives exactly the sequential answer: with {@code >} the first best element wins, with
 * {@code >=} the last, a NaN never passes the guard, and a rank whose guard never passed takes no
 * part. Every rank then takes the winning rank's values.
 *
 * <p>Comparison codes, for {@code v REL best}: {@link #GT} 0, {@link #GE} 1, {@link #LT} 2,
 * {@link #LE} 3.
 */
final class GuardedExtrema {

  static final int GT = 0;
  static final int GE = 1;
  static final int LT = 2;
  static final int LE = 3;

  private GuardedExtrema() { }

  /** A starting value no element beats under a {@code >}/{@code >=} guard is the type's least, else its greatest. */
  static double startDouble(int rel) {
    return rel <= GE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  static long startLong(int rel) {
    return rel <= GE ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  static int startInt(int rel) {
    return rel <= GE ? Integer.MIN_VALUE : Integer.MAX_VALUE;
  }

  /** Java's primitive comparison {@code v REL best} (false when either is NaN). */
  static boolean passes(double v, double best, int rel) {
    switch (rel) {
      case GT: return v > best;
      case GE: return v >= best;
      case LT: return v < best;
      default: return v <= best;
    }
  }

  static boolean passes(long v, long best, int rel) {
    switch (rel) {
      case GT: return v > best;
      case GE: return v >= best;
      case LT: return v < best;
      default: return v <= best;
    }
  }

  /** The rank whose values every rank takes: the fold of the ranks' bests in rank order. */
  static int winner(Communicator comm, double best, boolean passed, int rel) {
    long[] all = comm.allgatherv(new long[] {Double.doubleToRawLongBits(best), passed ? 1 : 0});
    int win = 0;
    double acc = Double.longBitsToDouble(all[0]);
    for (int r = 1; 2 * r < all.length; r++) {
      double v = Double.longBitsToDouble(all[2 * r]);
      if (all[2 * r + 1] != 0 && passes(v, acc, rel)) {
        acc = v;
        win = r;
      }
    }
    return win;
  }

  static int winner(Communicator comm, long best, boolean passed, int rel) {
    long[] all = comm.allgatherv(new long[] {best, passed ? 1 : 0});
    int win = 0;
    long acc = all[0];
    for (int r = 1; 2 * r < all.length; r++) {
      if (all[2 * r + 1] != 0 && passes(all[2 * r], acc, rel)) {
        acc = all[2 * r];
        win = r;
      }
    }
    return win;
  }

  /** {@code value} as rank {@code root} holds it, on every rank. */
  static long fromRank(Communicator comm, long value, int root) {
    byte[] bytes = comm.bcast(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(value).array(), root);
    return java.nio.ByteBuffer.wrap(bytes).getLong();
  }
}
