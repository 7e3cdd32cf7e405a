package dev.parjit.frame.internal;

import dev.parjit.frame.DataFrame;

/**
 * Where the rows of a lazy frame live: on the workers of spawn mode. The driver's
 * {@link DataFrame} keeps the row count and schema; it asks here for the rows it needs — a few
 * for {@code head}/{@code tail}, all of them (once) for anything else. Implemented by
 * lazy-collect's handle; frames get one through {@link FrameInternals#remote}.
 */
public interface RemoteFrame {

  /** The first {@code k} rows ({@code 0 <= k <= rows}), moved from the workers. */
  DataFrame head(int k);

  /** The last {@code k} rows. */
  DataFrame tail(int k);

  /** Every row, moved once; the caller caches it. */
  DataFrame collect();

  /** Frees the rows on the workers; called once, when the frame is closed or unreachable. */
  void release();
}
