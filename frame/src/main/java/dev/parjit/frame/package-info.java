/**
 * DataFrame and Series on Apache Arrow vectors, with Parquet and CSV I/O. Entry point:
 * {@link dev.parjit.frame.DataFrame} (and {@link dev.parjit.frame.Series} for one column).
 *
 * <p>Everything here runs sequentially in one process; the distributed layer builds on the hooks
 * in {@link dev.parjit.frame.kernel} (mergeable reduction and groupBy partials, stable hash
 * partitioning, a binary codec). Memory: one process-wide allocator ({@link
 * dev.parjit.frame.FrameMemory}); every Series owns one vector, freed by {@code close()} or by a
 * Cleaner once unreachable; derived frames and series share buffers by reference count.
 *
 * <p>Semantics that differ from pandas on purpose: frames have no index (results are numbered
 * 0..n-1); binary Series operations are positional; integer and boolean columns keep their dtype
 * when they hold nulls (printed {@code <NA>}, as pandas' nullable dtypes) instead of becoming
 * float64; join keys that are missing never match.
 */
package dev.parjit.frame;
