package dev.parjit.demo.bench.report;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine and software a benchmark ran on, as report lines.
 *
 * @param lines {@code name: value} lines
 */
public record Environment(List<String> lines) {

  /** This JVM's view: cores, memory, OS, JDK, and the versions of the engine jars on {@code classpath}. */
  public static Environment current(String classpath) {
    List<String> l = new ArrayList<>();
    Runtime rt = Runtime.getRuntime();
    l.add("cores: " + rt.availableProcessors());
    l.add("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vendor") + ")");
    l.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    long mem = totalMemory();
    if (mem > 0) {
      l.add(String.format("memory: %.1f GiB", mem / (1024.0 * 1024 * 1024)));
    }
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    if (load >= 0) {
      l.add(String.format("load average (1 min) when the report was written: %.2f (other processes share the cores)", load));
    }
    l.add("Parjit: 2 MPJ Express niodev ranks on this machine (spawn: driver + 2 workers; SPMD: 2 ranks)");
    l.add("DuckDB JDBC: " + jarVersion(classpath, "duckdb_jdbc"));
    String spark = jarVersion(classpath, "spark-sql_2.13");
    l.add("Spark SQL (Scala 2.13): " + (spark.equals("absent") ? "not built (build with -Pspark)" : spark));
    return new Environment(l);
  }

  /** The version in {@code artifact-VERSION.jar} on the classpath, or {@code absent}. */
  static String jarVersion(String classpath, String artifact) {
    Pattern p = Pattern.compile(Pattern.quote(artifact) + "-([0-9][^/\\\\]*)\\.jar$");
    for (String e : classpath.split(Pattern.quote(File.pathSeparator))) {
      Matcher m = p.matcher(e);
      if (m.find()) {
        return m.group(1);
      }
    }
    return "absent";
  }

  private static long totalMemory() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getTotalMemorySize();
    }
    return -1;
  }
}
