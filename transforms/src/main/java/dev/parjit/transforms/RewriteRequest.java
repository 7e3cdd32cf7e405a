package dev.parjit.transforms;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What to rewrite and how.
 *
 * @param role        the role of the JVM that will run the class
 * @param jitPatterns {@code jit=} patterns ({@code pkg.Class#method}, {@code *} wildcards) marking
 *                    methods as {@code @Jit} without source changes
 * @param classBytes  looks up the bytes of a class by internal name ({@code null} when unknown);
 *                    used only to answer common-superclass questions when computing frames
 * @param dumpDir     where to write original and rewritten classes and their bytecode text, or
 *                    {@code null}
 * @param strict      a method with distributable data and nothing parallel fails at its first call
 *                    with {@code ParjitCompilationException} instead of running sequentially
 */
public record RewriteRequest(Role role, List<String> jitPatterns, Function<String, byte[]> classBytes, Path dumpDir,
    boolean strict) {

  public RewriteRequest {
    jitPatterns = List.copyOf(jitPatterns);
  }

  /** A request without strict mode. */
  public RewriteRequest(Role role, List<String> jitPatterns, Function<String, byte[]> classBytes, Path dumpDir) {
    this(role, jitPatterns, classBytes, dumpDir, false);
  }
}
