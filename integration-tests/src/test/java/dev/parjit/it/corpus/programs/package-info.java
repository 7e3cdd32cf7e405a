/**
 * The corpus programs, one class per program: each sets up deterministic inputs for a size, calls
 * its {@code @Jit} kernels as ordinary code would and prints the caller's whole state. Classes named
 * {@code Trap*} hold kernels whose loops must not run in parallel. Run by {@link
 * dev.parjit.it.corpus.CorpusMain}.
 */
package dev.parjit.it.corpus.programs;
