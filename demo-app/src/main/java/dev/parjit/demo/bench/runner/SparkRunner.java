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

  /**
   * Logging at WARN through slf4j-simple (the -Pspark build leaves out Spark's log4j binding), without
   * Hadoop's notice that it has no native library: it never needs one here.
   */
  static final List<String> QUIET = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
      "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader=error");

  /** What {@code bin/parjit bench} says when Spark was asked for but this build has none. */
  static final String ABSENT = "this build has no Spark, its cells say \"not built\": run bin/parjit bench --with-spark "
      + "(or mvn -B -ntp -Pspark -pl demo-app -am install first)";

  /** Whether this build contains the Spark engine and Spark itself (a stale engine class alone is not enough). */
  public static boolean built() {
    try {
      Class.forName(BenchChild.SPARK_ENGINE, false, SparkRunner.class.getClassLoader());
      Class.forName("org.apache.spark.sql.SparkSession", false, SparkRunner.class.getClassLoader());
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
  public Optional<String> unavailable() {
    return built() ? Optional.empty() : Optional.of(ABSENT);
  }

  @Override
  public Optional<String> skip(Workload w) {
    if (w.sql(SqlDialect.SPARK, Scale.QUICK, Path.of(".")).isEmpty()) {
      return Optional.of("n/a");
    }
    return unavailable().isPresent() ? Optional.of("not built") : Optional.empty();
  }

  @Override
  public List<String> command(BenchJvm jvm, Workload w) {
    // Spark takes its own address from the environment only: loopback, like every other runner
    // (`env` execs java, so the measured process keeps its id and is killed on time-out).
    List<String> cmd = new ArrayList<>(List.of("env", "SPARK_LOCAL_IP=127.0.0.1", jvm.java()));
    for (String p : OPENS) {
      cmd.add("--add-opens=" + p + "=ALL-UNNAMED");
    }
    cmd.addAll(QUIET);
    List<String> args = new ArrayList<>(jvm.childArgs(w.id(), Engine.SPARK));
    args.set(1, sparkFirst(jvm.classpath()));
    cmd.addAll(args);
    return cmd;
  }

  /**
   * The classpath with the frame library's trimmed Hadoop jars (hadoop-common and
   * hadoop-mapreduce-client-core without their dependencies) moved last, so Spark loads Hadoop
   * from its own complete {@code hadoop-client-api}/{@code hadoop-client-runtime}.
   */
  static String sparkFirst(String classpath) {
    List<String> first = new ArrayList<>();
    List<String> last = new ArrayList<>();
    for (String e : classpath.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
      String name = Path.of(e).getFileName() == null ? e : Path.of(e).getFileName().toString();
      (name.startsWith("hadoop-common-") || name.startsWith("hadoop-mapreduce-client-core-") ? last : first).add(e);
    }
    first.addAll(last);
    return String.join(java.io.File.pathSeparator, first);
  }
}
