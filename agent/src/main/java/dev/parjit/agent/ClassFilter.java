package dev.parjit.agent;

import java.util.List;

/**
 * Which classes the agent looks at. Skips the JDK, Parjit itself (but not its demo and test
 * programs), the libraries shaded into the agent and MPJ Express: rewriting those could only
 * break things, and skipping them keeps start-up cheap.
 */
public final class ClassFilter {

  private static final List<String> SKIPPED = List.of(
      "java/", "javax/", "jdk/", "sun/", "com/sun/",
      "dev/parjit/shaded/", "net/bytebuddy/", "org/objectweb/asm/",
      "mpi/", "mpjdev/", "mpjbuf/", "xdev/", "runtime/", "org/apache/log4j/", "org/slf4j/");

  private static final List<String> PARJIT_PROGRAMS = List.of("dev/parjit/demo/", "dev/parjit/it/");

  private ClassFilter() { }

  /**
   * Whether the class may contain {@code @Jit} methods worth parsing.
   *
   * @param loader    the defining loader ({@code null} for the bootstrap loader)
   * @param className internal name, e.g. {@code com/acme/Job}; {@code null} for hidden classes
   */
  public static boolean filter(ClassLoader loader, String className) {
    if (loader == null || className == null) {
      return false; // bootstrap classes and lambdas/hidden classes
    }
    if (className.startsWith("dev/parjit/")) {
      return PARJIT_PROGRAMS.stream().anyMatch(className::startsWith);
    }
    return SKIPPED.stream().noneMatch(className::startsWith);
  }
}
