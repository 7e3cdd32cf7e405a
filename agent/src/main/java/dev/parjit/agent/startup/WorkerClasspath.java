package dev.parjit.agent.startup;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The class path spawn-mode workers start with: the driver's, then the agent jar. The JVM appends
 * the agent jar to a worker's class path for {@code -javaagent} anyway, so naming it last changes no
 * class lookup; it only makes the agent's classes (the compiler, the worker loop, their lambdas)
 * part of the class path a {@link WorkerArchive} can cover, where an appended jar never is.
 */
public final class WorkerClasspath {

  private WorkerClasspath() { }

  /** {@code driverClasspath} followed by {@code agentJar}, unless it names that jar already. */
  public static String of(String driverClasspath, Path agentJar) {
    String jar = agentJar.toString();
    if (driverClasspath == null || driverClasspath.isEmpty()) {
      return jar;
    }
    boolean listed = Arrays.stream(driverClasspath.split(File.pathSeparator, -1))
        .anyMatch(e -> e.equals(jar) || sameFile(e, agentJar));
    return listed ? driverClasspath : driverClasspath + File.pathSeparator + jar;
  }

  private static boolean sameFile(String entry, Path jar) {
    try {
      return !entry.isEmpty() && Path.of(entry).toAbsolutePath().normalize().equals(jar.toAbsolutePath().normalize());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
