package dev.parjit.lazy;

import dev.parjit.frame.DataFrame;

/**
 * Where a {@link LazyHandle} asks for its rows: spawn mode's dispatcher, which owns the workers
 * that keep them. Lazy results die with their workers, so every request names the generation of
 * workers the result came from.
 */
public interface LazyResultSource {

  /** Which set of workers is running now. */
  long generation();

  /**
   * Rows of lazy result {@code resultId}: {@code part} is {@code head} or {@code tail} (the first or
   * last {@code k}) or {@code all}; fails when the workers of {@code resultGeneration} are gone.
   */
  DataFrame fetch(long resultId, long resultGeneration, String part, int k);

  /** Frees lazy result {@code resultId} on the workers, if they still run; never blocks on a call. */
  void free(long resultId, long resultGeneration);
}
