package dev.parjit.runtime;

/**
 * Internal signal, never seen by the application: a spawn worker's floating sum or product combined
 * to a value that is not finite ({@link NonFiniteReductions}), so the call ends on the workers and the
 * driver runs it again sequentially, as it does any failed call. An {@code Error}, so that code catching
 * {@code Exception} lets it through; a call that catches it anyway is still failed by the worker.
 */
public final class NonFiniteReduction extends Error {

  private static final long serialVersionUID = 1L;

  public NonFiniteReduction(String message) {
    super(message, null, false, false);
  }
}
