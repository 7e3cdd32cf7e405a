package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parjit spawn mode: the driver JVM runs with the agent, the first {@code @Jit} call (the cold
 * one, not in the warm times) starts 2 worker JVMs that run every later call. The driver starts
 * through {@code bin/parjit java} when the harness has the launcher, as a user's program does.
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
    return driver(jvm, jvm, w, "");
  }

  /** One cold call (and the harness's few untimed ones) with {@code cache=DIR}. */
  @Override
  public Optional<List<String>> cachedCommand(BenchJvm jvm, Workload w, Path cacheDir) {
    BenchJvm once = new BenchJvm(jvm.java(), jvm.classpath(), jvm.agentJar(), jvm.scale(), jvm.dataDir(), 1, 0,
        jvm.agentOptions(), jvm.launcher());
    return Optional.of(driver(jvm, once, w, "cache=" + cacheDir.toAbsolutePath()));
  }

  /**
   * The driver's command: {@code bin/parjit java --workers 2 ...} as a user starts a spawn-mode
   * program (with the launcher's driver archive), or without a launcher {@code java -javaagent:...}.
   */
  private static List<String> driver(BenchJvm jvm, BenchJvm child, Workload w, String agentOptions) {
    String options = jvm.withAgentOptions(agentOptions);
    if (jvm.launcher() == null) {
      String all = "workers=" + BenchJvm.PARALLELISM + (options.isEmpty() ? "" : "," + options);
      return child.childCommand(List.of("-javaagent:" + jvm.agentJar() + "=" + all), w.id(), Engine.JIT);
    }
    List<String> cmd = new ArrayList<>(List.of(jvm.launcher().toString(), "java", "--workers",
        Integer.toString(BenchJvm.PARALLELISM)));
    if (!options.isEmpty()) {
      cmd.addAll(List.of("--agent-options", options));
    }
    cmd.addAll(child.jvmOptions());
    cmd.addAll(child.childArgs(w.id(), Engine.JIT));
    return cmd;
  }
}
