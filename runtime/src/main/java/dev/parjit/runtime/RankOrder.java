package dev.parjit.runtime;

import dev.parjit.mpi.Communicator;

/**
 * Floating-point sums and products combined in rank order, for the {@code deterministic=true}
 * agent option: every rank's partial is gathered and folded from rank 0 up, so the result depends
 * only on the number of ranks, never on timing or on the MPI library's reduction tree. Costs a
 * gather instead of a reduction (each rank receives every partial).
 */
final class RankOrder {

  private RankOrder() { }

  static double fold(Communicator comm, double v, boolean product) {
    double[] all = comm.allgatherv(new double[] {v});
    double acc = all[0];
    for (int r = 1; r < all.length; r++) {
      acc = product ? acc * all[r] : acc + all[r];
    }
    return acc;
  }

  /** Floats travel as doubles (exactly) and are combined in float arithmetic, as the loop would. */
  static float fold(Communicator comm, float v, boolean product) {
    double[] all = comm.allgatherv(new double[] {v});
    float acc = (float) all[0];
    for (int r = 1; r < all.length; r++) {
      acc = product ? acc * (float) all[r] : acc + (float) all[r];
    }
    return acc;
  }

  /** Element-wise, in place: {@code a[i]} becomes the fold over ranks of their {@code a[i]}. */
  static void foldInPlace(Communicator comm, double[] a, boolean product) {
    double[] all = comm.allgatherv(a);
    int n = a.length;
    for (int i = 0; i < n; i++) {
      double acc = all[i];
      for (int r = 1; r * n < all.length; r++) {
        acc = product ? acc * all[r * n + i] : acc + all[r * n + i];
      }
      a[i] = acc;
    }
  }

  static void foldInPlace(Communicator comm, float[] a, boolean product) {
    double[] wide = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      wide[i] = a[i];
    }
    double[] all = comm.allgatherv(wide);
    int n = a.length;
    for (int i = 0; i < n; i++) {
      float acc = (float) all[i];
      for (int r = 1; r * n < all.length; r++) {
        acc = product ? acc * (float) all[r * n + i] : acc + (float) all[r * n + i];
      }
      a[i] = acc;
    }
  }
}
