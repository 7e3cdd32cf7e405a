package dev.parjit.agent.spawn;

/**
 * Recognises frames by class name, without loading the frame library: programs that do not use
 * DataFrames run without it on the class path, and must never load {@link FrameTransport}.
 */
public final class FrameNames {

  private FrameNames() { }

  /** Whether {@code value} is a DataFrame or Series. */
  public static boolean isFrame(Object value) {
    if (value == null) {
      return false;
    }
    String name = value.getClass().getName();
    return name.equals("dev.parjit.frame.DataFrame") || name.equals("dev.parjit.frame.Series");
  }
}
