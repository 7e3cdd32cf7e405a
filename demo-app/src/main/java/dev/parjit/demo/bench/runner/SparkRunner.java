package dev.parjit.demo.bench.runner;

import dev.parjit.demo.bench.BenchChild;
import dev.parjit.demo.bench.Engine;
import dev.parjit.demo.bench.Scale;
import dev.parjit.demo.bench.sql.SqlDialect;
import dev.parjit.demo.bench.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Apache Spark SQL, {@code local[2]}, for the SQL-shaped workloads. Only the {@code -Pspark} build
 * has it (the default build never downloads Spark): otherwise every cell says "not built".
 */
public final class SparkRunner implements Runner {
  /** The JDK-internal packages Spark reflects into on Java 17 (what its launcher scripts open). */
  static final List<String> OPENS = List.of("java.base/java.lang", "java.base/java.lang.invoke",
      "java.base/java.lang.reflect", "java.base/java.io", "java.base/java.net", "java.base/java.nio",
      "java.base/java.util", "java.base/java.util.concurrent", "java.base/java.util.concurrent.atomic",
      "java.base/sun.nio.ch", "java.base/sun.nio.cs", "java.base/sun.security.action", "java.base/sun.util.calendar");

  /** Whether this build contains the Spark engine. */
  public static boolean built() {
    try {
      Class.forName(BenchChild.SPARK_ENGINE, false, SparkRunner.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Override
  public String label() {
    return "Spark local[" + BenchJvm.PARALLELISM + "]";
  }

  @Override
  public String id() {
    return "spark";
  }

  @Override
  public Optional<String> skip(Workload w) {
    if (w.sql(SqlDialect.SPARK, Scale.QUICK, Path.of(".")).isEmpty()) {
      return Optional.of("n/a");
    }
    return built() ? Optional.empty() : Optional.of("not built");
  }

  @Override
  public List<String> command(BenchJvm jvm, Workload w) {
    List<String> cmd = new ArrayList<>(List.of(jvm.java()));
    for (String p : OPENS) {
      cmd.add("--add-opens=" + p + "=ALL-UNNAMED");
    }
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.addAll(jvm.childArgs(w.id(), Engine.SPARK));
    return cmd;
  }
}
