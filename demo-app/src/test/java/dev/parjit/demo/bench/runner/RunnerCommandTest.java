package dev.parjit.demo.bench.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.demo.bench.Scale;
import dev.parjit.demo.bench.workload.Workloads;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunnerCommandTest {
  static final BenchJvm JVM = new BenchJvm("java", "app.jar", Path.of("agent.jar"), Scale.QUICK, Path.of("data"), 3, 1);

  @Test
  void sparkGetsItsOwnHadoopFirst() {
    String cp = String.join(File.pathSeparator, "a.jar", "/m/hadoop-common-3.4.2.jar", "b.jar",
        "/m/hadoop-mapreduce-client-core-3.4.2.jar", "/m/hadoop-client-api-3.5.0.jar");
    assertEquals(String.join(File.pathSeparator, "a.jar", "b.jar", "/m/hadoop-client-api-3.5.0.jar",
        "/m/hadoop-common-3.4.2.jar", "/m/hadoop-mapreduce-client-core-3.4.2.jar"), SparkRunner.sparkFirst(cp));
  }

  @Test
  void sparkRunsOnLoopbackWithItsOpensAndQuietLogging() {
    List<String> cmd = new SparkRunner().command(JVM, Workloads.byId("kmeans-frame"));
    assertEquals(List.of("env", "SPARK_LOCAL_IP=127.0.0.1", "java"), cmd.subList(0, 3));
    assertTrue(cmd.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), cmd.toString());
    assertTrue(cmd.contains("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), cmd.toString());
    assertEquals(List.of("kmeans-frame", "spark", "quick"), cmd.subList(cmd.size() - 6, cmd.size() - 3));
  }

  @Test
  void spawnAndSpmdUseTheAgentWithTwoRanks() {
    List<String> spawn = new SpawnRunner().command(JVM, Workloads.byId("sumsq"));
    assertTrue(spawn.contains("-javaagent:agent.jar=workers=2"), spawn.toString());
    List<String> spmd = new SpmdRunner().command(JVM, Workloads.byId("sumsq"));
    assertEquals(List.of("--agent", "agent.jar", "-np", "2"), spmd.subList(5, 9));
    assertEquals(List.of("sumsq", "jit", "quick"), spmd.subList(spmd.size() - 6, spmd.size() - 3));
    assertEquals("1", spmd.get(spmd.size() - 1), "the warm-up time goes last");
    BenchJvm deterministic = new BenchJvm("java", "app.jar", Path.of("agent.jar"), Scale.QUICK, Path.of("data"), 3, 1,
        "deterministic=true");
    assertTrue(new SpawnRunner().command(deterministic, Workloads.byId("sumsq"))
        .contains("-javaagent:agent.jar=workers=2,deterministic=true"));
    assertEquals(List.of("--agent", "agent.jar", "--agent-options", "deterministic=true", "-np", "2"),
        new SpmdRunner().command(deterministic, Workloads.byId("sumsq")).subList(5, 11));
  }

  @Test
  void onlySpawnModeHasARunWithTheCompileCache() {
    List<String> cached = new SpawnRunner().cachedCommand(JVM, Workloads.byId("parquet-mean"), Path.of("/c")).orElseThrow();
    assertTrue(cached.contains("-javaagent:agent.jar=workers=2,cache=" + Path.of("/c").toAbsolutePath()), cached.toString());
    assertEquals(List.of("1", "0"), cached.subList(cached.size() - 2, cached.size()), "one timed run, no warm-up time");
    assertEquals(Optional.empty(), new SequentialRunner().cachedCommand(JVM, Workloads.byId("parquet-mean"), Path.of("/c")));
    assertEquals(Optional.empty(), new SpmdRunner().cachedCommand(JVM, Workloads.byId("parquet-mean"), Path.of("/c")));
  }

  /** The spawn-mode driver starts as a user's does, through bin/parjit java (its driver archive included). */
  @Test
  void withTheLauncherTheSpawnDriverStartsThroughBinParjitJava() {
    BenchJvm jvm = new BenchJvm("java", "app.jar", Path.of("agent.jar"), Scale.QUICK, Path.of("data"), 3, 1,
        "deterministic=true", Path.of("/p/bin/parjit"));
    List<String> spawn = new SpawnRunner().command(jvm, Workloads.byId("sumsq"));
    assertEquals(List.of("/p/bin/parjit", "java", "--workers", "2", "--agent-options", "deterministic=true"),
        spawn.subList(0, 6));
    assertTrue(spawn.stream().noneMatch(a -> a.startsWith("-javaagent")), spawn.toString());
    assertEquals(List.of("-cp", "app.jar"), spawn.subList(spawn.indexOf("-cp"), spawn.indexOf("-cp") + 2));
    assertEquals(List.of("sumsq", "jit", "quick"), spawn.subList(spawn.size() - 6, spawn.size() - 3));
    List<String> cached = new SpawnRunner().cachedCommand(jvm, Workloads.byId("parquet-mean"), Path.of("/c")).orElseThrow();
    assertTrue(cached.contains("cache=" + Path.of("/c").toAbsolutePath() + ",deterministic=true"), cached.toString());
    assertEquals(List.of("1", "0"), cached.subList(cached.size() - 2, cached.size()), "one timed run, no warm-up time");
    List<String> sequential = new SequentialRunner().command(jvm, Workloads.byId("sumsq"));
    assertEquals("java", sequential.get(0), "the baseline is a plain java, as a user's sequential program");
  }

  @Test
  void sqlRunnersSkipWorkloadsThatAreNotSqlShaped() {
    assertEquals(Optional.of("n/a"), new DuckDbRunner().skip(Workloads.byId("kmeans")));
    assertEquals(Optional.empty(), new DuckDbRunner().skip(Workloads.byId("groupby")));
    assertEquals(Optional.of("n/a"), new SparkRunner().skip(Workloads.byId("montecarlo")));
    String expected = SparkRunner.built() ? null : "not built";
    assertEquals(Optional.ofNullable(expected), new SparkRunner().skip(Workloads.byId("filter-join")));
  }

  @Test
  void benchLinesParse() {
    assertArrayEquals(new double[] {1.5, -2, 3e20}, ChildProcess.parse("1.5,-2.0,3.0E20"));
  }
}
