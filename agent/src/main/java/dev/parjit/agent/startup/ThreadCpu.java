package dev.parjit.agent.startup;

import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * This process's CPU time by kind of thread (JIT compilers, garbage collector, the VM thread, the
 * main thread, the rest), with its loaded class count and JIT compile time: what the start-up
 * timeline prints at a first answer, because a cold call's cost is mostly the JVM's own threads,
 * which {@code ThreadMXBean} does not list. Read from {@code /proc/self/task} (Linux; elsewhere the
 * thread part is empty). Other threads of 20 ms or more are named in brackets.
 */
final class ThreadCpu {

  private static final Path TASKS = Path.of("/proc/self/task");
  /** Clock ticks per second of {@code /proc}'s times: 100 on every Linux this runs on. */
  private static final long TICKS_PER_SECOND = 100;

  private ThreadCpu() { }

  /** {@code jit=…ms gc=…ms vm=…ms main=…ms other=…ms; classes loaded N; compile time M ms}. */
  static String summary() {
    Map<String, Long> byKind = new TreeMap<>();
    Map<String, Long> others = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path t : tasks) {
        try {
          String name = Files.readString(t.resolve("comm"), StandardCharsets.UTF_8).trim();
          long ticks = cpuTicks(Files.readString(t.resolve("stat"), StandardCharsets.UTF_8));
          String kind = kind(name);
          byKind.merge(kind, ticks * 1000 / TICKS_PER_SECOND, Long::sum);
          if (kind.equals("other")) {
            others.merge(name, ticks * 1000 / TICKS_PER_SECOND, Long::sum);
          }
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // no per-thread times here
    }
    StringBuilder sb = new StringBuilder();
    byKind.forEach((k, ms) -> sb.append(k).append('=').append(ms).append("ms "));
    others.entrySet().stream().filter(e -> e.getValue() >= 20)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
        .forEach(e -> sb.append("[").append(e.getKey()).append('=').append(e.getValue()).append("ms] "));
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    sb.append("; classes loaded ").append(classes.getTotalLoadedClassCount());
    if (jit != null && jit.isCompilationTimeMonitoringSupported()) {
      sb.append("; JIT compile time ").append(jit.getTotalCompilationTime()).append(" ms");
    }
    return sb.toString();
  }

  /** A thread's kind from the name the JVM gave its native thread (at most 15 characters). */
  static String kind(String name) {
    if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
      return name.startsWith("C2") ? "jitC2" : "jitC1";
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Periodic")) {
      return "gc";
    }
    if (name.equals("VM Thread")) {
      return "vm";
    }
    if (name.equals("main") || name.equals("java")) { // the launcher's primordial thread is named java
      return "main";
    }
    return "other";
  }

  /** utime + stime (fields 14 and 15) of a {@code stat} line; the name in parentheses may hold spaces. */
  static long cpuTicks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
