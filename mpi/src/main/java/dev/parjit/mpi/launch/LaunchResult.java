package dev.parjit.mpi.launch;

/**
 * How a launch ended.
 *
 * @param exitCode   0 when every rank exited 0, else the status of the first rank that failed
 * @param failedRank that rank, or -1
 * @param message    e.g. {@code rank 2 exited with status 1}; empty on success
 */
public record LaunchResult(int exitCode, int failedRank, String message) {

  public boolean succeeded() {
    return exitCode == 0;
  }
}
