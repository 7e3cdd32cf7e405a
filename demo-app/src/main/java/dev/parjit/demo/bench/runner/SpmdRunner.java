package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parjit SPMD mode through the launcher ({@code bin/parjit spmd -np 2}): every rank runs the
 * measured program, {@code @Jit} methods run in place; rank 0 reports.
 */
public final class SpmdRunner implements Runner {
  static final String LAUNCHER = "dev.parjit.mpi.launch.LauncherMain";

  @Override
  public String label() {
    return "Parjit SPMD (" + BenchJvm.PARALLELISM + " ranks)";
  }

  @Override
  public String id() {
    return "spmd";
  }

  @Override
  public Optional<String> skip(Workload w) {
    return Optional.empty();
  }

  @Override
  public List<String> command(BenchJvm jvm, Workload w) {
    List<String> cmd = new ArrayList<>(List.of(jvm.java(), BenchJvm.ADD_OPENS, "-cp", jvm.classpath(), LAUNCHER,
        "--agent", jvm.agentJar().toString()));
    if (!jvm.agentOptions().isEmpty()) {
      cmd.addAll(List.of("--agent-options", jvm.agentOptions()));
    }
    cmd.addAll(List.of("-np", Integer.toString(BenchJvm.PARALLELISM)));
    cmd.addAll(jvm.jvmOptions());
    cmd.addAll(jvm.childArgs(w.id(), Engine.JIT));
    return cmd;
  }
}
