package dev.parjit.agent;

import dev.parjit.agent.diagnostics.DiagnosticsPrinter;
import dev.parjit.agent.diagnostics.OnDemandDiagnostics;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.spi.ParallelContexts;
import dev.parjit.agent.spawn.SpawnDispatcher;
import dev.parjit.agent.startup.PreparedClasses;
import dev.parjit.agent.startup.StartHint;
import dev.parjit.runtime.Dispatch;
import dev.parjit.runtime.ParallelRuntime;
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

  /** Returns the transformer it registered (retransformation-capable, for classes loaded before an attach). */
  static JitTransformer start(AgentOptions options, Instrumentation inst) {
    // Arrow announces its allocator at INFO on every JVM; keep the console for the program.
    if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.arrow") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.arrow", "warn");
    }
    if (options.deterministic()) {
      ParallelRuntime.setDeterministic(true); // read by every floating allreduce of this rank
    }
    // The driver asks before shipping statics, a worker before initializing their classes quietly.
    dev.parjit.agent.spawn.ClassInitialization.install(inst);
    Role role = switch (options.role()) {
      case SPMD -> Role.SPMD;
      case WORKER -> Role.WORKER;
      default -> Role.DRIVER;
    };
    // One process prints diagnostics: the driver in spawn mode, rank 0 in SPMD mode.
    boolean printsHere = role == Role.DRIVER || (role == Role.SPMD && "0".equals(System.getenv().getOrDefault(
        "PARJIT_RANK", "0")));
    int level = DiagnosticsPrinter.level(options.diagnostics(), System.getenv("PARJIT_DISTRIBUTED_DIAGNOSTICS"));
    DiagnosticsPrinter printer = new DiagnosticsPrinter(printsHere, level, System.out, System.err);
    ParallelContexts.installDiagnostics(new OnDemandDiagnostics(
        role == Role.SPMD ? ExecutionMode.SPMD : ExecutionMode.SPAWN, options.jitPatterns(), printsHere, level));
    java.util.function.Consumer<String> spawnMethodFound = className -> { };
    if (role == Role.DRIVER) {
      SpawnDispatcher dispatcher = new SpawnDispatcher(options, agentJar());
      Dispatch.install(dispatcher);
      ParallelContexts.installStats(dispatcher::stats);
      if (SpawnDispatcher.earlyStart()) {
        // The program has @Jit code: its workers boot while it goes on loading, not at its first call;
        // as the agent starts when an earlier run of it compiled such classes.
        StartHint hint = StartHint.forThisProgram(StartHint.defaultDirectory());
        if (!hint.classes().isEmpty()) {
          dispatcher.prestart(hint.classes());
        }
        spawnMethodFound = className -> {
          String name = className.replace('/', '.');
          hint.record(name);
          dispatcher.prestart(java.util.List.of(name));
        };
      }
    }
    JitTransformer transformer = new JitTransformer(role, options, printer, spawnMethodFound);
    inst.addTransformer(transformer, true);
    if (role == Role.WORKER) {
      PreparedClasses.startLoading(); // after the transformer is in place: loading them compiles them
      dev.parjit.agent.startup.ArchiveCoverage.install(inst);
    }
    return transformer;
  }
}
