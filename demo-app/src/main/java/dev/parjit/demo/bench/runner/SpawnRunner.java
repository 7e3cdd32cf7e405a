package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.workload.Workload;
import java.util.List;

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
  public List<String> command(BenchJvm jvm, Workload w) {
    return jvm.childCommand(List.of("-javaagent:" + jvm.agentJar() + "=" + jvm.withAgentOptions("workers=" + BenchJvm.PARALLELISM)), w.id(), Engine.JIT);
  }
}
