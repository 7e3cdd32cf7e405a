package dev.parjit.frame.io;

/**
 * The single failure type of frame I/O: a missing or unreadable file, an unsupported column type,
 * a missing column, a schema mismatch between part files, or a value that does not parse. The
 * message always names the file and, where it applies, the column (and for CSV the line).
 */
public class FrameIOException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong, naming the file and column */
  public FrameIOException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, naming the file and column
   * @param cause the underlying failure
   */
  public FrameIOException(String message, Throwable cause) {
    super(message, cause);
  }
}
