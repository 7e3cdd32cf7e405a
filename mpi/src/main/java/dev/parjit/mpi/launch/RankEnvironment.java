package dev.parjit.mpi.launch;

import java.util.Map;

/**
 * The environment variables through which the launcher tells a rank who it is. Environment
 * rather than command line: nothing secret or job-specific shows in {@code ps}, and the user's
 * main sees exactly its own arguments.
 */
public final class RankEnvironment {

  public static final String RANK = "PARJIT_RANK";
  public static final String SIZE = "PARJIT_SIZE";
  public static final String RENDEZVOUS = "PARJIT_RENDEZVOUS";
  public static final String MPJ_HOME = "MPJ_HOME";

  private RankEnvironment() { }

  /** Whether this JVM was started as a rank. */
  public static boolean isRank(Map<String, String> env) {
    return env.containsKey(RANK) && env.containsKey(SIZE) && env.containsKey(RENDEZVOUS);
  }
}
