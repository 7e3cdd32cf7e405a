package dev.parjit.frame;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
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
  private final int rows;

  LazyColumns(List<String> names, List<DType> types, int rows, IntFunction<Series> loader) {
    this.names = List.copyOf(names);
    this.types = List.copyOf(types);
    this.loaded = new Series[names.size()];
    this.loader = loader;
    this.rows = rows;
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
