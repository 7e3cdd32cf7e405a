package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parjit spawn mode: the driver JVM runs with the agent, the first {@code @Jit} call (the cold
 * one, not in the warm times) starts 2 worker JVMs that run every later call.
 */
public final class SpawnRunner implements Runner {

  @Override
  public String label() {
    return "Parjit spawn (" + BenchJvm.PARALLELISM + " workers)";
  }

  @Override
  public String id() {
    return "spawn";
  }

  @Override
  public Optional<String> skip(Workload w) {
    return Optional.empty();
  }

  @Override
  public List<String> command(BenchJvm jvm, Workload w) {
    List<String> cmd = new ArrayList<>(List.of(jvm.java()));
    cmd.addAll(jvm.jvmOptions());
    cmd.add("-javaagent:" + jvm.agentJar() + "=workers=" + BenchJvm.PARALLELISM);
    cmd.addAll(jvm.childArgs(w.id(), Engine.JIT));
    return cmd;
  }
}
