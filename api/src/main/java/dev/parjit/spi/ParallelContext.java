package dev.parjit.spi;

/**
 * The parallel context of this process, as the {@link dev.parjit.Parjit} facade sees it.
 * Implemented by the MPI runtime and installed with {@link ParallelContexts#install} when a rank
 * starts; the api module itself depends on nothing.
 */
public interface ParallelContext {

  /** This process's rank, {@code 0 <= rank < size}. */
  int rank();

  /** Number of ranks. */
  int size();

  /** Blocks until every rank has called it. */
  void barrier();
}
