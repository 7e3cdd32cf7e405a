package dev.parjit.agent;

import dev.parjit.transforms.Role;
import java.lang.instrument.Instrumentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets up this JVM's part of a Parjit job according to its role. */
final class AgentRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);

  private AgentRuntime() { }

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
        // The spawn dispatcher (worker start-up and the call channel) is not built yet. Stubbing
        // methods without it would break the program, so the driver leaves @Jit methods alone
        // and they run sequentially here, with the same results.
        LOG.warn("parjit: spawn mode is not available yet; @Jit methods run sequentially in this JVM"
            + " (use bin/parjit spmd for parallel runs)");
        break;
    }
  }
}
