/**
 * What rewritten code calls on each rank: dispatch of {@code @Jit} calls ({@code Dispatch}),
 * specializations, call scopes, chunk bounds ({@code BlockDistribution}), reductions, halos and
 * distributed array metadata. Entry point: {@link dev.parjit.runtime.ParallelRuntime}. The
 * rewriter names these classes by string ({@code dev/parjit/runtime/...}), so they keep this
 * package.
 */
package dev.parjit.runtime;
