package dev.parjit;

/**
 * A {@code @Jit} call failed on a worker rank. The message names the rank; the cause is the
 * original exception, with its type and message intact.
 */
public class ParjitExecutionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int rank;

  public ParjitExecutionException(String message, int rank, Throwable cause) {
    super(message, cause);
    this.rank = rank;
  }

  /** The rank that failed first, or -1 when the failure is not tied to a rank. */
  public int getRank() {
    return rank;
  }
}
