package dev.parjit.analysis;

import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * One step of {@link MethodAnalyzer}'s pipeline: reads what earlier passes left in the
 * {@link AnalysisState} and adds what it decides. A pass declines a loop or an array with a
 * {@link Decline}; it fails the whole method only with an {@link AnalysisException}.
 */
interface AnalysisPass {

  /** A short name for the pipeline listing and for tests. */
  String name();

  /** Runs the pass over {@code state}. */
  void run(AnalysisState state) throws AnalysisException, AnalyzerException;
}
