package dev.parjit.lazy;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.internal.RemoteFrame;

/**
 * The driver's side of a lazy result: the id of the rows kept on the workers, and the first rows
 * they sent with it. {@code head(k)} within those rows moves nothing; other requests go to the
 * workers, for the rows asked for only.
 */
final class LazyHandle implements RemoteFrame {

  private final LazyResultSource dispatcher;
  private final long id;
  private final long generation;
  private final DataFrame preview;

  /** The handle of result {@code id}, made by workers of {@code generation}, with its first rows. */
  LazyHandle(LazyResultSource dispatcher, long id, long generation, DataFrame preview) {
    this.dispatcher = dispatcher;
    this.id = id;
    this.generation = generation;
    this.preview = preview;
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
    return dispatcher.fetch(id, generation, "tail", k);
  }

  @Override
  public DataFrame collect() {
    return dispatcher.fetch(id, generation, "all", 0);
  }

  @Override
  public void release() {
    dispatcher.free(id, generation);
  }
}
