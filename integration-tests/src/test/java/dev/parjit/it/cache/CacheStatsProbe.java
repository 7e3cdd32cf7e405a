package dev.parjit.it.cache;

/**
 * Reads {@code dev.parjit.agent.cache.CompileCache.stats()} by reflection: the agent jar is on the
 * system class path of a JVM started with the agent, and programs do not compile against it.
 */
final class CacheStatsProbe {

  private CacheStatsProbe() { }

  /** System property naming a directory where each rank saves its counters. */
  static final String STATS_DIR = "cachetest.statsDir";

  /**
   * Writes {@code rank-R.txt} into {@link #STATS_DIR} when set (workers inherit the driver's
   * {@code -D} options). A spawn call returns only after every rank answered, so the files are
   * complete when the driver has the result.
   */
  static void save(int rank, String stats) {
    String dir = System.getProperty(STATS_DIR);
    if (dir != null) {
      try {
        java.nio.file.Files.writeString(java.nio.file.Path.of(dir, "rank-" + rank + ".txt"), stats);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  static String read() {
    try {
      return String.valueOf(Class.forName("dev.parjit.agent.cache.CompileCache", true, ClassLoader.getSystemClassLoader())
          .getMethod("stats").invoke(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return "no agent (" + e + ")";
    }
  }
}
