package dev.parjit.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point: parses the options and wires the pieces for this JVM's role; it does
 * no work itself (the shape of JaCoCo's {@code PreMain}).
 */
public final class PreMain {

  private PreMain() { }

  public static void premain(String args, Instrumentation inst) {
    AgentOptions options;
    try {
      options = AgentOptions.parse(args);
      if (options.role() == AgentOptions.Role.DRIVER && !options.spmd()) {
        WorkerJvmCheck.check(options.workerJvm());
      }
    } catch (IllegalArgumentException e) {
      // One line, not the JVM's multi-line agent failure report.
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // slf4j-simple reads its level once, when the first logger is made: set it before any.
    System.setProperty("org.slf4j.simpleLogger.log.dev.parjit", options.logLevel());
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    AgentRuntime.start(options, inst);
  }

  public static void agentmain(String args, Instrumentation inst) {
    premain(args, inst);
  }
}
