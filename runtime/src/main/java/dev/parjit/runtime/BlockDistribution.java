package dev.parjit.runtime;

/**
 * Bodo's 1D_Block formula, the one place it is written: of {@code n} items over {@code p} ranks,
 * rank {@code r} owns {@code [start(r), start(r + 1))} with {@code blk = n / p}, {@code rem = n % p},
 * {@code start(r) = r * blk + min(r, rem)}. The first {@code rem} ranks get one extra item.
 */
public final class BlockDistribution {

  private BlockDistribution() { }

  /** First item of rank {@code r} (also valid for {@code r == p}, giving {@code n}). */
  public static long start(long n, int p, int r) {
    if (n <= 0) {
      return 0;
    }
    long blk = n / p;
    long rem = n % p;
    return r * blk + Math.min(r, rem);
  }

  /** One past the last item of rank {@code r}. */
  public static long end(long n, int p, int r) {
    return start(n, p, r + 1);
  }

  /** Number of items of rank {@code r}. */
  public static int count(long n, int p, int r) {
    return Math.toIntExact(end(n, p, r) - start(n, p, r));
  }

  /** Items per rank, for scatterv. */
  public static int[] counts(long n, int p) {
    int[] counts = new int[p];
    for (int r = 0; r < p; r++) {
      counts[r] = count(n, p, r);
    }
    return counts;
  }
}
