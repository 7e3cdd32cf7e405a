package dev.parjit.it.effects;

/**
 * Deterministic inputs for the programs. Doubles are multiples of 1/8, so maps over them are exact
 * and only reductions (whose order of additions differs across ranks) need the tolerance.
 */
public final class Data {

  private Data() { }

  /** Values in [-40, 85), varied by {@code seed}. */
  public static double[] doubles(int n, int seed) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = ((i * 7919L + seed * 104729L) % 1000) / 8.0 - 40;
    }
    return a;
  }

  /** Values in [0, 97), varied by {@code seed}. */
  public static int[] ints(int n, int seed) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = (int) ((i * 2654435761L + seed) % 97);
    }
    return a;
  }

  /** Values in [-48, 49), varied by {@code seed}: signed, for kernels that treat signs differently. */
  public static int[] signedInts(int n, int seed) {
    int[] a = ints(n, seed);
    for (int i = 0; i < n; i++) {
      a[i] -= 48;
    }
    return a;
  }

  /** An array of {@code n} copies of {@code v}: a caller's previous contents, which writes must not lose. */
  public static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
