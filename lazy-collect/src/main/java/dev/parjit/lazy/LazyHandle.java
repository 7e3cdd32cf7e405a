package dev.parjit.lazy;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.internal.RemoteFrame;

/**
 * The driver's side of a lazy result: the id of the rows kept on the workers, and the first rows
 * they sent with it (all of them for a small result, {@link WorkerResults#sendsWhole}). A request
 * those rows answer moves nothing; other requests go to the workers, for the rows asked for only.
 */
final class LazyHandle implements RemoteFrame {

  private final LazyResultSource dispatcher;
  private final long id;
  private final long generation;
  private final DataFrame preview;
  /** Whether the preview is every row of the result (a small one, sent whole). */
  private final boolean whole;

  /**
   * The handle of result {@code id} of {@code rows} rows, made by workers of {@code generation},
   * with its first rows ({@code preview}: all {@code rows} of them when the workers sent it whole).
   */
  LazyHandle(LazyResultSource dispatcher, long id, long generation, DataFrame preview, long rows) {
    this.dispatcher = dispatcher;
    this.id = id;
    this.generation = generation;
    this.preview = preview;
    this.whole = preview.numRows() == rows;
  }

  /** The result's id on the workers (the id of the call that made it). */
  long id() {
    return id;
  }

  /** Whether these rows still exist on the current workers (they die with a restart). */
  boolean isCurrent(LazyResultSource d) {
    return d == dispatcher && dispatcher.generation() == generation;
  }

  @Override
  public DataFrame head(int k) {
    if (k <= preview.numRows()) {
      return preview.head(k);
    }
    return dispatcher.fetch(id, generation, "head", k);
  }

  @Override
  public DataFrame tail(int k) {
    if (whole) {
      return preview.tail(k);
    }
    return dispatcher.fetch(id, generation, "tail", k);
  }

  @Override
  public DataFrame collect() {
    if (whole) {
      return preview;
    }
    return dispatcher.fetch(id, generation, "all", 0);
  }

  @Override
  public void release() {
    dispatcher.free(id, generation);
  }
}
