/**
 * What compiled code calls on each rank: chunk bounds, reductions, distributed array metadata. Entry point: {@code ParallelRuntime}.
 */
package dev.parjit.runtime;
