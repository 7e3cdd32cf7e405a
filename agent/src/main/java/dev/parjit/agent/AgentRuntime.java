package dev.parjit.agent;

import dev.parjit.agent.spawn.SpawnDispatcher;
import dev.parjit.runtime.Dispatch;
import dev.parjit.transforms.Role;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.lang.instrument.Instrumentation;

/** Sets up this JVM's part of a Parjit job according to its role. */
final class AgentRuntime {

  private AgentRuntime() { }

  /** The jar this agent was loaded from: workers are started with the same one. */
  private static Path agentJar() {
    try {
      return Path.of(PreMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("cannot locate parjit-agent.jar", e);
    }
  }

  static void start(AgentOptions options, Instrumentation inst) {
    switch (options.role()) {
      case SPMD:
        inst.addTransformer(new JitTransformer(Role.SPMD, options), false);
        break;
      case WORKER:
        inst.addTransformer(new JitTransformer(Role.WORKER, options), false);
        break;
      case DRIVER:
      default:
        Dispatch.install(new SpawnDispatcher(options, agentJar()));
        inst.addTransformer(new JitTransformer(Role.DRIVER, options), false);
        break;
    }
  }
}
