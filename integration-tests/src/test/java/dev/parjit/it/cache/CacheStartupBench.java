package dev.parjit.it.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Start-up benchmark of the compile cache (a harness, not a test): runs {@link Startup20} in spawn
 * mode with 2 workers, without the cache, with an empty cache (cold) and with a filled one
 * (warm), and prints the median time to the first result. From the repository root, after a
 * build:
 *
 * <pre>
 * java -cp integration-tests/target/test-classes dev.parjit.it.cache.CacheStartupBench [repetitions]
 * </pre>
 */
public final class CacheStartupBench {

  private CacheStartupBench() { }

  /** One run: wall time until the FIRST line as seen from here, and as the program measured it. */
  private record Timing(long wallToFirst, long jvmToFirst, long jvmToAll) { }

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path agent = Path.of("agent/target/parjit-agent.jar").toAbsolutePath();
    Path classes = Path.of("integration-tests/target/test-classes").toAbsolutePath();
    if (!Files.isRegularFile(agent)) {
      throw new IllegalStateException("run from the repository root after a build: " + agent + " is missing");
    }
    Path cache = Files.createTempDirectory("parjit-cache-bench");
    List<Timing> none = new ArrayList<>();
    List<Timing> cold = new ArrayList<>();
    List<Timing> warm = new ArrayList<>();
    run(agent, classes, "workers=2"); // warm the OS file cache once, not counted
    for (int r = 0; r < reps; r++) {
      none.add(run(agent, classes, "workers=2"));
      clear(cache);
      cold.add(run(agent, classes, "workers=2,cache=" + cache));
      warm.add(run(agent, classes, "workers=2,cache=" + cache));
    }
    clear(cache);
    Files.delete(cache);
    System.out.printf(Locale.ROOT, "Startup20 (20 @Jit methods), spawn mode, 2 workers, %d repetitions, medians in ms%n", reps);
    System.out.printf(Locale.ROOT, "%-9s %18s %18s %16s%n", "", "launch->first", "JVM start->first", "JVM start->all");
    print("no cache", none);
    print("cold", cold);
    print("warm", warm);
  }

  private static void print(String label, List<Timing> t) {
    System.out.printf(Locale.ROOT, "%-9s %18d %18d %16d%n", label, median(t.stream().mapToLong(Timing::wallToFirst)),
        median(t.stream().mapToLong(Timing::jvmToFirst)), median(t.stream().mapToLong(Timing::jvmToAll)));
  }

  private static long median(java.util.stream.LongStream values) {
    long[] v = values.sorted().toArray();
    return v[v.length / 2];
  }

  private static Timing run(Path agent, Path classes, String options) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-javaagent:" + agent + "=" + options, "-cp", classes.toString(), Startup20.class.getName())
        .redirectErrorStream(true).start();
    long wall = -1;
    long first = -1;
    long all = -1;
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
        if (line.startsWith("FIRST ")) {
          wall = (System.nanoTime() - t0) / 1_000_000;
          first = Long.parseLong(line.split(" ")[1]);
        } else if (line.startsWith("ALL ")) {
          all = Long.parseLong(line.split(" ")[1]);
        }
      }
    }
    if (p.waitFor() != 0 || first < 0 || all < 0) {
      throw new IllegalStateException("run failed (" + options + "):\n" + String.join("\n", lines));
    }
    return new Timing(wall, first, all);
  }

  private static void clear(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
  }
}
