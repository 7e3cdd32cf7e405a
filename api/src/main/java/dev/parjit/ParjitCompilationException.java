package dev.parjit;

/** A {@code @Jit} method could not be compiled as required (for instance in strict mode). */
public class ParjitCompilationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ParjitCompilationException(String message) {
    super(message);
  }

  public ParjitCompilationException(String message, Throwable cause) {
    super(message, cause);
  }
}
