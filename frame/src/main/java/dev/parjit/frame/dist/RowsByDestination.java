package dev.parjit.frame.dist;

/**
 * A chunk's rows grouped by the rank each goes to, each group in chunk order (a stable counting
 * sort of the destinations): rank {@code d}'s rows are {@code rows[from(d), to(d))}, or, when
 * {@code rows} is null because the destinations already ascend (a sorted input, or one rank), the
 * rows {@code from(d)} to {@code to(d) - 1} themselves.
 */
record RowsByDestination(int[] rows, int[] bounds) {

  /** The rows of {@code dest.length} grouped by {@code dest} (each in {@code [0, p)}). */
  static RowsByDestination of(int[] dest, int p) {
    int n = dest.length;
    int[] bounds = new int[p + 1];
    boolean grouped = true;
    int previous = 0;
    for (int i = 0; i < n; i++) {
      int d = dest[i];
      bounds[d + 1]++;
      grouped &= previous <= d;
      previous = d;
    }
    for (int d = 0; d < p; d++) {
      bounds[d + 1] += bounds[d];
    }
    if (grouped) {
      return new RowsByDestination(null, bounds);
    }
    int[] next = java.util.Arrays.copyOf(bounds, p);
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[next[dest[i]]++] = i;
    }
    return new RowsByDestination(rows, bounds);
  }

  /** Where rank {@code d}'s rows start. */
  int from(int d) {
    return bounds[d];
  }

  /** Where rank {@code d}'s rows end. */
  int to(int d) {
    return bounds[d + 1];
  }
}
