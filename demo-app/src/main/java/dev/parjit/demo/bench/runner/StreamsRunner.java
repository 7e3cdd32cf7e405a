package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The hand-written Java parallel-streams peer: one JVM, the common pool over both cores. */
public final class StreamsRunner implements Runner {

  @Override
  public String label() {
    return "Java parallel streams";
  }

  @Override
  public String id() {
    return "streams";
  }

  @Override
  public Optional<String> skip(Workload w) {
    return Optional.empty();
  }

  @Override
  public List<String> command(BenchJvm jvm, Workload w) {
    List<String> cmd = new ArrayList<>(List.of(jvm.java()));
    cmd.addAll(jvm.jvmOptions());
    cmd.addAll(jvm.childArgs(w.id(), Engine.STREAMS));
    return cmd;
  }
}
