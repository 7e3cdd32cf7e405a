package dev.parjit.agent.spawn;

/** A worker's exception whose type the driver does not re-create; it keeps the type's name. */
public final class WorkerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String remoteType;

  public WorkerException(String remoteType, String message) {
    super(remoteType + (message == null ? "" : ": " + message));
    this.remoteType = remoteType;
  }

  /** The class name of the exception thrown on the worker. */
  public String getRemoteType() {
    return remoteType;
  }
}
