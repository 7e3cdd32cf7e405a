package dev.parjit.agent.cache;

import java.util.Map;
import java.util.TreeMap;

/**
 * One stored compilation: the {@link CompiledClass} plus what is needed to decide whether it may
 * be used, and to list it.
 *
 * @param key            {@link CacheKey#hex()}; also the file name, checked again on load so a
 *                       renamed or copied file is never used for another class
 * @param className      internal name of the class
 * @param role           {@code DRIVER}, {@code WORKER} or {@code SPMD}
 * @param compiler       {@link CompilerVersion#id()} of the Parjit that wrote it
 * @param specialization {@link CacheKey#specialization()}
 * @param createdMillis  when it was written
 * @param sourceRoots    the source path the diagnostics text was rendered with
 * @param dependencies   other classes whose bytes the rewrite read (for stack map frames), by
 *                       internal name: SHA-256 of their bytes then, or {@link #ABSENT}; the entry
 *                       is stale when any of them changed since
 * @param compiled       the compiled class
 */
public record CacheEntry(String key, String className, String role, String compiler, String specialization,
    long createdMillis, String sourceRoots, Map<String, String> dependencies, CompiledClass compiled) {

  /** Digest recorded for a class that was not found. */
  public static final String ABSENT = "absent";

  public CacheEntry {
    dependencies = new TreeMap<>(dependencies);
  }
}
