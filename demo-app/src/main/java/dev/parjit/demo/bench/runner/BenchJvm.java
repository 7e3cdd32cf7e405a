package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.BenchChild;
import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every measured JVM shares: the java executable, the classpath (demo-app and its
 * dependencies, Parjit's launcher included), the agent jar, and the arguments of
 * {@link BenchChild}.
 *
 * @param java the java executable
 * @param classpath the measured program's classpath
 * @param agentJar {@code parjit-agent.jar}
 * @param scale problem sizes
 * @param dataDir where the Parquet inputs are
 * @param runs warm runs per JVM
 * @param warmupMillis untimed calls between the cold call and the timed runs for this long (JIT warm-up,
 *                     alike for every runner; see {@code BenchChild})
 * @param agentOptions extra agent options for the Parjit runners ({@code key=value,...}), or empty
 * @param launcher {@code bin/parjit}, through which the spawn-mode driver starts as a user's would
 *                 ({@code bin/parjit java}: its class-data-sharing archive included), or {@code null}
 *                 for a plain {@code java -javaagent:...}
 */
public record BenchJvm(String java, String classpath, Path agentJar, Scale scale, Path dataDir, int runs,
    long warmupMillis, String agentOptions, Path launcher) {

  /** Without extra agent options. */
  public BenchJvm(String java, String classpath, Path agentJar, Scale scale, Path dataDir, int runs, long warmupMillis) {
    this(java, classpath, agentJar, scale, dataDir, runs, warmupMillis, "");
  }

  /** Without the launcher: the spawn-mode driver is a plain {@code java -javaagent:...}. */
  public BenchJvm(String java, String classpath, Path agentJar, Scale scale, Path dataDir, int runs, long warmupMillis,
      String agentOptions) {
    this(java, classpath, agentJar, scale, dataDir, runs, warmupMillis, agentOptions, null);
  }

  /** {@code prefix} followed by the extra agent options, comma-separated. */
  public String withAgentOptions(String prefix) {
    return agentOptions.isEmpty() ? prefix : prefix.isEmpty() ? agentOptions : prefix + "," + agentOptions;
  }

  /** Arrow's IPC needs it on every JVM; harmless elsewhere. */
  public static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";
  /** Parjit ranks (spawn workers, SPMD ranks) and engine threads: the machine's 2 cores. */
  public static final int PARALLELISM = BenchChild.THREADS;

  /** JVM options common to every measured JVM (before {@code -cp}). */
  public List<String> jvmOptions() {
    return List.of(ADD_OPENS, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
  }

  /** {@code java <jvm options> <extra> <child main and arguments>}: one measured JVM. */
  public List<String> childCommand(List<String> extra, String workload, Engine engine) {
    List<String> cmd = new java.util.ArrayList<>(List.of(java()));
    cmd.addAll(jvmOptions());
    cmd.addAll(extra);
    cmd.addAll(childArgs(workload, engine));
    return cmd;
  }

  public List<String> childArgs(String workload, Engine engine) {
    List<String> a = new ArrayList<>(List.of("-cp", classpath, BenchChild.class.getName(), workload,
        engine.name().toLowerCase(Locale.ROOT), scale.name().toLowerCase(Locale.ROOT),
        dataDir.toAbsolutePath().toString(), Integer.toString(runs), Long.toString(warmupMillis)));
    return a;
  }
}
