package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
  public Optional<String> skip(Workload w) {
    return Optional.empty();
  }

  @Override
  public List<String> command(BenchJvm jvm, Workload w) {
    List<String> cmd = new ArrayList<>(List.of(jvm.java()));
    cmd.addAll(jvm.jvmOptions());
    cmd.addAll(jvm.childArgs(w.id(), Engine.JIT));
    return cmd;
  }
}
