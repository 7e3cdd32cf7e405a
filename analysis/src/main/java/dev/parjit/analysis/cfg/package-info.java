/**
 * Control flow of one method: {@link dev.parjit.analysis.cfg.FlowGraph} (entry point),
 * {@link dev.parjit.analysis.cfg.Dominators}, {@link dev.parjit.analysis.cfg.Liveness}.
 */
package dev.parjit.analysis.cfg;
