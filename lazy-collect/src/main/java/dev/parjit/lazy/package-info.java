/**
 * Lazy results of spawn mode: a distributed frame a call returns stays on the workers, and the
 * driver gets a frame that holds only its schema, row count and first rows. Entry points: {@link
 * dev.parjit.lazy.LazyFrames} on the driver (its frames' {@code RemoteFrame} is a {@code
 * LazyHandle}, which asks a {@link dev.parjit.lazy.LazyResultSource}, the spawn dispatcher, for rows
 * and frees them) and {@link dev.parjit.lazy.WorkerResults} on the workers (keep, rows, free, over
 * {@link dev.parjit.lazy.ResultRegistry}, each worker's rows under the call's id).
 *
 * <p>The frame classes reach these only through {@code RemoteFrame}, so this module depends on
 * frame and never the other way. What stays in the agent, and why: the collect/free messages
 * ({@code Fetch}, {@code Free}, {@code LazyResult}, {@code LazyRef}) are records of the agent's
 * one closed set of channel messages, which its wire codec enumerates; {@code FrameTransport}
 * (frames in those messages, on the driver) and {@code WorkerFrames} (answering them on a worker)
 * build and read those records, so they stay beside them.
 */
package dev.parjit.lazy;
