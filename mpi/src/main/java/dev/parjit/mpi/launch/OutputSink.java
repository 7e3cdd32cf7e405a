package dev.parjit.mpi.launch;

import java.io.PrintStream;

/** Receives the ranks' output, one line at a time. */
@FunctionalInterface
public interface OutputSink {

  /**
   * @param rank   the rank that printed the line
   * @param stderr whether it came from the rank's standard error
   * @param line   the line, without its terminator
   */
  void line(int rank, boolean stderr, String line);

  /** Prints {@code [rank N] line} to this process's stdout or stderr, like {@code mpiexec}. */
  static OutputSink console() {
    return (rank, stderr, line) -> {
      PrintStream out = stderr ? System.err : System.out;
      out.println("[rank " + rank + "] " + line);
    };
  }
}
