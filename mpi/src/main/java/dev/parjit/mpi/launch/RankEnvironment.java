package dev.parjit.mpi.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The environment variables through which the launcher tells a rank who it is. Environment
 * rather than command line: the user's main sees exactly its own arguments. The job's secret is
 * in neither (both show in {@code ps} on some systems, and a remote command line in the remote
 * shell's logs): it is the first line of the rank's standard input.
 */
public final class RankEnvironment {

  public static final String RANK = "PARJIT_RANK";
  public static final String SIZE = "PARJIT_SIZE";
  public static final String RENDEZVOUS = "PARJIT_RENDEZVOUS";
  /** The host-file name of the rank's host (for messages). */
  public static final String HOST = "PARJIT_HOST";
  public static final String MPJ_HOME = "MPJ_HOME";
  /** Set to {@code 1} by the launcher: the job's secret is the first line of standard input. */
  public static final String SECRET_ON_STDIN = "PARJIT_SECRET_ON_STDIN";
  /** Set to {@code 1} when a Parjit process holds the rank's standard input open until it goes (Slurm tasks). */
  public static final String WATCH_STDIN = "PARJIT_WATCH_STDIN";

  private RankEnvironment() { }

  /** Whether this JVM was started as a rank by the launcher. */
  public static boolean isRank(Map<String, String> env) {
    return env.containsKey(RANK) && env.containsKey(SIZE) && env.containsKey(RENDEZVOUS);
  }

  /**
   * Reads the secret line from {@code in} one byte at a time: nothing after the line is consumed,
   * so the orphan watchdog that reads on sees end of file exactly when the launcher goes.
   */
  static JobSecret readSecretLine(InputStream in) {
    StringBuilder line = new StringBuilder();
    try {
      for (int b; (b = in.read()) != -1 && b != '\n'; ) {
        if (line.length() > 1024) {
          throw new IllegalArgumentException("the job secret line is too long");
        }
        line.append((char) b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the job secret from standard input", e);
    }
    if (line.length() == 0) {
      throw new IllegalStateException("the launcher went away before it sent the job secret");
    }
    return JobSecret.decode(new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII));
  }
}
