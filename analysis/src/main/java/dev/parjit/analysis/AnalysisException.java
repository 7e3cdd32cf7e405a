package dev.parjit.analysis;

/** The method could not be analysed (for instance it does not verify); it is left unchanged. */
public class AnalysisException extends Exception {

  private static final long serialVersionUID = 1L;

  public AnalysisException(String message, Throwable cause) {
    super(message, cause);
  }

  public AnalysisException(String message) {
    super(message);
  }
}
