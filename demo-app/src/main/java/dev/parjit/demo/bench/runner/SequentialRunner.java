package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.workload.Workload;
import java.util.List;

/** The plain Java kernels without the agent: {@code @Jit} is inert, one thread. The baseline. */
public final class SequentialRunner implements Runner {

  @Override
  public String label() {
    return "sequential";
  }

  @Override
  public String id() {
    return "seq";
  }

  @Override
  public List<String> command(BenchJvm jvm, Workload w) {
    return jvm.childCommand(List.of(), w.id(), Engine.JIT);
  }
}
