package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.workload.Workload;
import java.util.List;

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
  public List<String> command(BenchJvm jvm, Workload w) {
    return jvm.childCommand(List.of(), w.id(), Engine.STREAMS);
  }
}
