package dev.parjit.it.cache;

/**
 * Reads {@code dev.parjit.agent.cache.CompileCache.stats()} by reflection: the agent jar is on the
 * system class path of a JVM started with the agent, and programs do not compile against it.
 */
final class CacheStatsProbe {

  private CacheStatsProbe() { }

  static String read() {
    try {
      return String.valueOf(Class.forName("dev.parjit.agent.cache.CompileCache", true, ClassLoader.getSystemClassLoader())
          .getMethod("stats").invoke(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return "no agent (" + e + ")";
    }
  }
}
