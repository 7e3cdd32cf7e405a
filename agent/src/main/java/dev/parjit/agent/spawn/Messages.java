package dev.parjit.agent.spawn;

import java.io.Serializable;

/** What the driver and the workers send each other, over an authenticated loopback socket. */
public final class Messages {

  private Messages() { }

  /** Driver to every worker: run this {@code @Jit} method with these arguments. */
  public record Call(long id, String methodKey, Object[] args) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A rank's block of a 1D argument: items {@code [start, start + array.length)} of an array of
   * {@code globalLength}.
   */
  public record Chunk(Object array, long globalLength, long start) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Driver to every worker: exit. */
  /**
   * A DataFrame or Series crossing the channel, encoded with the frame codec (frames are not
   * {@code Serializable}: their data lives in Arrow buffers).
   *
   * @param frame  the encoded frame (a Series travels as a one-column frame)
   * @param series whether the value is a Series
   * @param labels a Series' index labels, or {@code null}
   * @param name   a Series' name, or {@code null} (reduction results have none)
   */
  public record FrameValue(byte[] frame, boolean series, String[] labels, String name) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  public record Shutdown() implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Worker to driver: the call ended. Rank 0 carries the value; a failure carries its description. */
  public record Reply(long id, int rank, Object value, RemoteFailure failure) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * An exception thrown on a worker, described by value: the driver need not (and must not)
   * deserialize arbitrary exception classes.
   */
  public record RemoteFailure(String type, String message, StackTraceElement[] stack) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static RemoteFailure of(Throwable t) {
      return new RemoteFailure(t.getClass().getName(), t.getMessage(), t.getStackTrace());
    }
  }
}
