package dev.parjit.spi;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code Parjit.install()} does: finds parjit-agent.jar and has its attacher load it into this
 * JVM. This module has no dependencies, so the attacher (which uses Byte Buddy's agent attacher,
 * shaded into the agent jar) is called by name through a class loader of its own over the jar; the
 * JVM then adds the jar to the system class path and runs its {@code agentmain}.
 */
public final class AgentInstaller {

  /** Set by the agent when it starts (by {@code -javaagent} or by attaching). */
  public static final String LOADED_PROPERTY = "parjit.agent.loaded";
  /** Where the agent jar is, when it is not on the class path. */
  public static final String JAR_PROPERTY = "parjit.agentJar";
  public static final String JAR_ENV = "PARJIT_AGENT_JAR";

  private static final String ATTACHER = "dev.parjit.agent.attach.SelfAttach";

  private AgentInstaller() { }

  /** Whether the agent already runs in this JVM. */
  public static boolean loaded() {
    return Boolean.getBoolean(LOADED_PROPERTY);
  }

  /** Loads the agent with {@code options} unless it runs already; throws naming what is missing. */
  public static synchronized void install(String options) {
    if (loaded()) {
      return;
    }
    Path jar = agentJar();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      loader.loadClass(ATTACHER).getMethod("attach", String.class, String.class)
          .invoke(null, jar.toString(), options == null ? "" : options);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException bad) {
        throw new IllegalArgumentException(bad.getMessage()); // a bad option, named in one line
      }
      throw new IllegalStateException("Parjit.install(): could not load the agent " + jar + " into this JVM: "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | java.io.IOException e) {
      throw new IllegalStateException("Parjit.install(): " + jar + " is not a Parjit agent jar: " + e, e);
    }
    if (!loaded()) {
      throw new IllegalStateException("Parjit.install(): the agent " + jar + " was attached but did not start");
    }
  }

  /** {@code -Dparjit.agentJar}, {@code PARJIT_AGENT_JAR}, or a {@code parjit-agent*.jar} on the class path. */
  static Path agentJar() {
    String named = System.getProperty(JAR_PROPERTY, System.getenv(JAR_ENV));
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named);
      if (!Files.isRegularFile(p)) {
        throw new IllegalStateException("Parjit.install(): the agent jar " + p + " (from -D" + JAR_PROPERTY + " or "
            + JAR_ENV + ") does not exist");
      }
      return p.toAbsolutePath();
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      if (name.startsWith("parjit-agent") && name.endsWith(".jar") && Files.isRegularFile(p)) {
        return p.toAbsolutePath();
      }
    }
    throw new IllegalStateException("Parjit.install(): cannot find parjit-agent.jar: pass -D" + JAR_PROPERTY
        + "=PATH or set " + JAR_ENV + " (a Parjit build has it in agent/target/parjit-agent.jar)");
  }
}
