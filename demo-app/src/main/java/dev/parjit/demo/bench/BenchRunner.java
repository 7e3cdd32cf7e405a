package dev.parjit.demo.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the Monte Carlo benchmark in one go: sequential (no agent), the parallel-streams peer and
 * Parjit spawn mode with 2 workers, each in a fresh JVM, and prints the ratios.
 * {@code BenchRunner <agent jar> [iterations] [reps]}.
 */
public final class BenchRunner {

  private BenchRunner() { }

  public static void main(String[] args) throws Exception {
    String agent = args[0];
    long n = args.length > 1 ? Long.parseLong(args[1]) : 400_000_000L;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Map<String, Map<String, String>> runs = new LinkedHashMap<>();
    runs.put("sequential (no agent)", run(null, "jit", n, reps));
    runs.put("parallel streams (2 cores)", run(null, "streams", n, reps));
    runs.put("Parjit spawn, 2 workers", run("-javaagent:" + agent + "=workers=2", "jit", n, reps));
    double seq = Double.parseDouble(runs.get("sequential (no agent)").get("median_ms"));
    double streams = Double.parseDouble(runs.get("parallel streams (2 cores)").get("median_ms"));
    System.out.printf("Monte Carlo pi, %,d iterations, warm median of %d%n", n, reps);
    System.out.printf("%-28s %10s %10s %10s %12s %14s%n", "run", "median ms", "min", "max", "vs seq", "first call ms");
    for (var e : runs.entrySet()) {
      Map<String, String> m = e.getValue();
      double med = Double.parseDouble(m.get("median_ms"));
      System.out.printf("%-28s %10s %10s %10s %11.2fx %14s%n", e.getKey(), m.get("median_ms"), m.get("min_ms"),
          m.get("max_ms"), seq / med, m.get("first_call_ms"));
    }
    Map<String, String> parjit = runs.get("Parjit spawn, 2 workers");
    System.out.printf("Parjit vs parallel streams: %.2fx of the peer's speed%n",
        streams / Double.parseDouble(parjit.get("median_ms")));
    System.out.printf("trivial @Jit call (scalar in, scalar out), 2 workers: median %s us%n",
        parjit.get("trivial_call_median_us"));
    System.out.printf("results: %s%n", runs.values().stream().map(m -> m.get("pi")).toList());
  }

  private static Map<String, String> run(String agentArg, String mode, long n, int reps) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (agentArg != null) {
      cmd.add(agentArg);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MonteCarloBench.class.getName(), mode,
        Long.toString(n), Integer.toString(reps)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Map<String, String> values = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("BENCH ")) {
          String[] kv = line.split(" ");
          values.put(kv[1], kv[2]);
        } else {
          System.err.println(line);
        }
      }
    } finally {
      p.destroyForcibly();
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("benchmark run failed: " + String.join(" ", cmd));
    }
    return values;
  }
}
