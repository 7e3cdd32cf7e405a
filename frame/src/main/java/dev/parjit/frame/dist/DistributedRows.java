package dev.parjit.frame.dist;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;

/**
 * Row selections of distributed data. {@code head}/{@code tail} need no communication: every rank
 * knows where its chunk sits, so it keeps the part of the global first (last) k rows it holds.
 * {@code filter} learns the new placement from one allgather of the local counts. All give 1D_Var.
 */
final class DistributedRows {

  private DistributedRows() { }

  static DataFrame filter(DataFrame df, Series mask) {
    DataFrame local = df.filter(mask);
    long[] p = FrameComm.placementOf(local.numRows());
    return Placements.register(local, p[1], p[0]);
  }

  static Series filter(Series s, Series mask) {
    Series local = s.filter(mask);
    long[] p = FrameComm.placementOf(local.size());
    return Placements.register(local, p[1], p[0]);
  }

  /** The global first {@code k} rows, where they already are. */
  static DataFrame head(DataFrame df, int k) {
    long[] r = headRange(df, df.numRows(), k);
    return Placements.register(df.slice((int) r[0], (int) r[1]), r[2], r[3]);
  }

  static Series head(Series s, int k) {
    long[] r = headRange(s, s.size(), k);
    return Placements.register(s.slice((int) r[0], (int) r[1]), r[2], r[3]);
  }

  /** The global last {@code k} rows, where they already are. */
  static DataFrame tail(DataFrame df, int k) {
    long[] r = tailRange(df, df.numRows(), k);
    return Placements.register(df.slice((int) r[0], (int) r[1]), r[2], r[3]);
  }

  static Series tail(Series s, int k) {
    long[] r = tailRange(s, s.size(), k);
    return Placements.register(s.slice((int) r[0], (int) r[1]), r[2], r[3]);
  }

  /**
   * How many rows {@code head(k)}/{@code tail(k)} keep of {@code total}: as the sequential frame,
   * {@code k} rows, or for a negative {@code k} all but {@code -k} (pandas' meaning).
   */
  private static long kept(long total, int k) {
    return k >= 0 ? Math.min(k, total) : Math.max(0, total + k);
  }

  /** {local offset, local length, new global rows, new start} of the global first rows {@code head(k)} keeps. */
  private static long[] headRange(Object value, int localRows, int k) {
    long start = Placements.start(value);
    long n = kept(Placements.globalRows(value), k);
    long keep = Math.max(0, Math.min(localRows, n - start));
    return new long[] {0, keep, n, Math.min(start, n)};
  }

  /** As {@link #headRange}, for the global last rows {@code tail(k)} keeps. */
  private static long[] tailRange(Object value, int localRows, int k) {
    long start = Placements.start(value);
    long total = Placements.globalRows(value);
    long n = kept(total, k);
    long from = total - n; // first global row kept
    long localFrom = Math.max(0, Math.min(localRows, from - start));
    long keep = localRows - localFrom;
    long newStart = Math.max(0, start + localFrom - from);
    return new long[] {localFrom, keep, n, newStart};
  }
}
