package dev.parjit.agent;

import dev.parjit.spi.AgentInstaller;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point: parses the options and wires the pieces for this JVM's role; it does
 * no work itself (the shape of JaCoCo's {@code PreMain}). {@code premain} runs for
 * {@code -javaagent:}, {@code agentmain} when {@code Parjit.install()} loads the agent into a
 * running JVM: that JVM has classes loaded already, which {@link LoadedClasses} hands to the
 * transformer again.
 */
public final class PreMain {

  private PreMain() { }

  public static void premain(String args, Instrumentation inst) {
    AgentOptions options = options(args, true);
    start(options, inst);
  }

  /**
   * Loaded into a running JVM: a bad option is reported, not fatal (the program is running; {@code
   * Parjit.install()} checked the options before attaching).
   */
  public static void agentmain(String args, Instrumentation inst) {
    if (AgentInstaller.loaded()) {
      return;
    }
    AgentOptions options = options(args, false);
    if (options != null) {
      JitTransformer transformer = start(options, inst);
      LoadedClasses.recompile(inst, transformer);
    }
  }

  private static AgentOptions options(String args, boolean exitOnError) {
    try {
      AgentOptions options = AgentOptions.parse(args);
      if (options.role() == AgentOptions.Role.DRIVER && !options.spmd()) {
        WorkerJvmCheck.check(options.workerJvm());
      }
      return options;
    } catch (IllegalArgumentException e) {
      // One line, not the JVM's multi-line agent failure report.
      System.err.println(e.getMessage());
      if (exitOnError) {
        System.exit(2);
      }
      return null;
    }
  }

  private static JitTransformer start(AgentOptions options, Instrumentation inst) {
    // slf4j-simple reads its level once, when the first logger is made: set it before any.
    System.setProperty("org.slf4j.simpleLogger.log.dev.parjit", options.logLevel());
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    JitTransformer transformer = AgentRuntime.start(options, inst);
    System.setProperty(AgentInstaller.LOADED_PROPERTY, "true");
    dev.parjit.agent.startup.StartupLog.mark("agent started (" + options.role().name().toLowerCase(java.util.Locale.ROOT) + ")");
    return transformer;
  }
}
