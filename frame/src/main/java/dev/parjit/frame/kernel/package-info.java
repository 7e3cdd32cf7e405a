/**
 * Column-at-a-time kernels behind {@code DataFrame} and {@code Series}, and the hooks the
 * distributed layer uses. Public hooks (a stable API):
 * <ul>
 *   <li>{@link dev.parjit.frame.kernel.ColumnStats}: mergeable per-column reduction partials
 *       (count, sum, min, max, Chan mean/M2) with a {@code double[]} wire form;
 *   <li>{@link dev.parjit.frame.kernel.StableHash}: row hashes identical in every JVM, behind
 *       {@code FrameInternals.partitionByHash};
 *   <li>{@link dev.parjit.frame.kernel.FrameCodec}: a compact binary form of a frame;
 *   <li>{@link dev.parjit.frame.kernel.GroupAggregator}: partial / merge / finish of group
 *       aggregates, behind {@code FrameInternals.partials} and {@code FrameInternals.combinePartials}.
 * </ul>
 * The other classes ({@link dev.parjit.frame.kernel.Vectors}, {@link
 * dev.parjit.frame.kernel.Factorizer}, {@link dev.parjit.frame.kernel.SortedRuns} (codes of
 * partials combined by merging their sorted runs), {@link dev.parjit.frame.kernel.Sorting}, ...) are
 * internal: public only so the frame package can call them. Kernels read and write Arrow buffers
 * directly or work on primitive arrays; none boxes per row.
 */
package dev.parjit.frame.kernel;
