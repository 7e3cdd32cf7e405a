package dev.parjit.agent.cache;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The other classes a rewrite read. Stack map frames of the rewritten class are computed from the
 * class hierarchy, read from class bytes ({@code RewriteRequest.classBytes}); so the rewritten
 * bytes depend on those classes too, and an entry is only used while they are unchanged. JDK
 * classes are left out: the Java version is part of the {@link CompilerVersion} already.
 */
final class ClassDependencies {

  private ClassDependencies() { }

  /** Wraps a class-bytes lookup so every answer is recorded into {@code seen} (name to digest). */
  static Function<String, byte[]> recording(Function<String, byte[]> lookup, Map<String, String> seen) {
    return name -> {
      byte[] bytes = lookup.apply(name);
      if (!isJdk(name)) {
        synchronized (seen) {
          seen.put(name, digest(bytes));
        }
      }
      return bytes;
    };
  }

  /** The first dependency whose bytes differ now, or {@code null} when all are as recorded. */
  static String changed(Map<String, String> recorded, Function<String, byte[]> lookup) {
    for (Map.Entry<String, String> d : new TreeMap<>(recorded).entrySet()) {
      if (!d.getValue().equals(digest(lookup.apply(d.getKey())))) {
        return d.getKey();
      }
    }
    return null;
  }

  private static String digest(byte[] bytes) {
    return bytes == null ? CacheEntry.ABSENT : CacheKey.digest(bytes);
  }

  private static boolean isJdk(String name) {
    return name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/") || name.startsWith("sun/")
        || name.startsWith("com/sun/");
  }
}
