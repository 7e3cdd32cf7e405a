/**
 * Issue 14's acceptance corpus: numeric kernels written the way sequential Java is written
 * (instance methods over fields, 2-D arrays, stencils in time loops, sparse solvers, dense products,
 * a block cipher, N-body, histograms) and traps that must stay sequential, each run without the
 * agent and with it in spawn and SPMD mode on 1–4 ranks. Entry point: {@link
 * dev.parjit.it.corpus.CorpusDifferentialTest}; the programs run through {@link
 * dev.parjit.it.corpus.CorpusMain}.
 */
package dev.parjit.it.corpus;
