package dev.parjit.lazy;

import dev.parjit.frame.DType;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.internal.FrameInternals;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's lazy frames: made from what the workers sent for a lazy result, and recognised
 * when one goes back into a call (then only its id travels).
 */
public final class LazyFrames {

  private LazyFrames() { }

  /**
   * The driver's frame for lazy result {@code id} of the workers of {@code generation}: schema and
   * row count here, with the first rows the workers sent ({@code preview}, every row of a small
   * result); the rest stays on the workers until asked for.
   */
  public static DataFrame of(LazyResultSource workers, long id, long generation, String[] names, String[] dtypes,
      long rows, DataFrame preview) {
    if (rows > Integer.MAX_VALUE) {
      throw new IllegalStateException("a lazy result of " + rows + " rows cannot be addressed from the driver");
    }
    List<DType> types = new ArrayList<>();
    for (String t : dtypes) {
      types.add(DType.valueOf(t));
    }
    return FrameInternals.remote(List.of(names), types, (int) rows, new LazyHandle(workers, id, generation, preview, rows));
  }

  /**
   * The id under which {@code workers} keep {@code df}'s rows, when {@code df} is one of their lazy
   * results not yet fetched whole; else -1 (the frame then travels by value).
   */
  public static long idOn(LazyResultSource workers, DataFrame df) {
    return FrameInternals.remoteSource(df) instanceof LazyHandle h && h.isCurrent(workers) && FrameInternals.isLazy(df)
        ? h.id() : -1;
  }
}
