package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.workload.Workload;
import java.nio.file.Path;
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
  public List<String> command(BenchJvm jvm, Workload w) {
    return jvm.childCommand(List.of("-javaagent:" + jvm.agentJar() + "=" + jvm.withAgentOptions("workers=" + BenchJvm.PARALLELISM)), w.id(), Engine.JIT);
  }

  /** One cold call (and the harness's few untimed ones) with {@code cache=DIR}. */
  @Override
  public Optional<List<String>> cachedCommand(BenchJvm jvm, Workload w, Path cacheDir) {
    BenchJvm once = new BenchJvm(jvm.java(), jvm.classpath(), jvm.agentJar(), jvm.scale(), jvm.dataDir(), 1, 0,
        jvm.agentOptions());
    return Optional.of(once.childCommand(List.of("-javaagent:" + jvm.agentJar() + "="
        + jvm.withAgentOptions("workers=" + BenchJvm.PARALLELISM + ",cache=" + cacheDir.toAbsolutePath())), w.id(), Engine.JIT));
  }
}
