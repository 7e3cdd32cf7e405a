package dev.parjit.frame;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import dev.parjit.frame.kernel.ColumnStats;
import java.util.function.IntFunction;

/**
 * The columns of a frame read from a file, decoded on first use: a frame that is only
 * {@code select}ed or asked for a few {@code column}s never decodes the others. Loading is
 * synchronized, so the frame stays safe to read from several threads.
 */
final class LazyColumns extends AbstractList<Series> {

  private final List<String> names;
  private final List<DType> types;
  private final Series[] loaded;
  private final IntFunction<Series> loader;
  private final dev.parjit.frame.kernel.ColumnStatsSource stats;
  private final int rows;
  private final dev.parjit.frame.kernel.ColumnBatches batches;

  /**
   * @param stats a column's statistics without keeping it (a file source streams them row group by
   *              row group, so no whole column is ever allocated), or {@code null}
   */
  LazyColumns(List<String> names, List<DType> types, int rows, IntFunction<Series> loader,
      dev.parjit.frame.kernel.ColumnStatsSource stats) {
    this(names, types, rows, loader, stats, null);
  }

  /** @param batches the columns streamed batch by batch by name, or {@code null} */
  LazyColumns(List<String> names, List<DType> types, int rows, IntFunction<Series> loader,
      dev.parjit.frame.kernel.ColumnStatsSource stats, dev.parjit.frame.kernel.ColumnBatches batches) {
    this.names = List.copyOf(names);
    this.types = List.copyOf(types);
    this.loaded = new Series[names.size()];
    this.loader = loader;
    this.stats = stats;
    this.rows = rows;
    this.batches = batches;
  }

  /** The source's batch-by-batch access (columns by name), or {@code null}. */
  dev.parjit.frame.kernel.ColumnBatches batches() {
    return batches;
  }

  /** Whether the named column has been decoded into memory. */
  synchronized boolean isDecoded(String name) {
    int i = names.indexOf(name);
    return i >= 0 && loaded[i] != null;
  }

  /**
   * Column {@code index}'s statistics: from the decoded column, else streamed when possible (with
   * {@code sumsOnly}, the source may compute only count and sum, see {@link dev.parjit.frame.kernel.ColumnStatsSource}).
   */
  ColumnStats stats(int index, boolean sumsOnly) {
    Series s;
    synchronized (this) {
      s = loaded[index];
    }
    if (s == null && stats != null) {
      return stats.stats(index, sumsOnly);
    }
    return get(index).stats();
  }

  /** The frame of the named columns, still lazy: selecting decodes nothing. */
  LazyColumns select(List<String> chosen) {
    int[] from = new int[chosen.size()];
    List<DType> chosenTypes = new java.util.ArrayList<>();
    for (int i = 0; i < from.length; i++) {
      from[i] = names.indexOf(chosen.get(i));
      chosenTypes.add(types.get(from[i]));
    }
    return new LazyColumns(chosen, chosenTypes, rows, i -> get(from[i]).rename(chosen.get(i)),
        stats == null ? null : (i, sumsOnly) -> stats(from[i], sumsOnly), batches);
  }

  int rows() {
    return rows;
  }

  @Override
  public synchronized Series get(int index) {
    Series s = loaded[index];
    if (s == null) {
      s = loader.apply(index);
      if (s.size() != rows || !names.get(index).equals(s.name())) {
        String name = s.name();
        int size = s.size();
        s.close();
        throw new IllegalStateException("column '" + names.get(index) + "' decoded as '" + name + "' with " + size
            + " rows, expected " + rows);
      }
      loaded[index] = s;
    }
    return s;
  }

  @Override
  public int size() {
    return names.size();
  }

  List<String> names() {
    return names;
  }

  DType type(int index) {
    return types.get(index);
  }

  /** The columns decoded so far (closing a frame must not decode the rest). */
  synchronized List<Series> decoded() {
    List<Series> out = new ArrayList<>();
    for (Series s : loaded) {
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }
}
