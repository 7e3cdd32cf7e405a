package dev.parjit.demo.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Processor time per call of every thread taking part in the bench's k-means loop
 * ({@link KMeansLoopWorkload}): {@code LoopThreadCpu <warm rounds> <measured rounds>}, run without the
 * agent or with it in spawn mode ({@code bin/parjit java --workers 2 -cp demo-app/target/classes ...}).
 * Each round is the bench's 10-step loop; after the warm rounds it reads the run time of each thread of
 * this JVM and of the JVMs it started (the spawned workers) from {@code /proc/<pid>/task/<tid>/schedstat},
 * runs the measured rounds, reads them again, and prints each thread's processor time per step, then
 * {@code Parjit.stats()} (the resident comparisons' CPU among them). Processor time rather than wall
 * time, because on a shared machine wall times mostly measure the other programs; it tells which thread
 * of which process pays for what: the workers' kernel, the driver's comparison of resident arguments,
 * reader threads, JIT compilers.
 */
public final class LoopThreadCpu {

  private LoopThreadCpu() { }

  public static void main(String[] args) throws IOException {
    int warm = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    double[][] points = new KMeansWorkload().myPoints(KMeansWorkload.points(dev.parjit.demo.bench.Scale.FULL));
    double sink = 0;
    for (int r = 0; r < warm; r++) {
      sink += round(points)[0];
    }
    Map<String, Long> before = threads();
    for (int r = 0; r < rounds; r++) {
      sink += round(points)[0];
    }
    Map<String, Long> after = threads();
    int steps = rounds * KMeansLoopWorkload.ITERATIONS;
    double total = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      double ms = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6 / steps;
      total += ms;
      if (ms >= 0.01) {
        System.out.printf("%-44s %7.3f ms per step%n", e.getKey(), ms);
      }
    }
    // The sink keeps the results alive (and shows that every configuration computed the same).
    System.out.printf("all threads %.3f ms of processor time per step over %d steps; result %s%n", total, steps, sink);
    System.out.println(dev.parjit.Parjit.stats());
  }

  /** One bench run: {@link KMeansLoopWorkload#ITERATIONS} steps from the initial centroids. */
  private static double[] round(double[][] points) {
    int k = KMeansWorkload.K;
    double[] cx = KMeansWorkload.initial(false);
    double[] cy = KMeansWorkload.initial(true);
    double[] out = null;
    for (int it = 0; it < KMeansLoopWorkload.ITERATIONS; it++) {
      out = KMeansWorkload.step(points[0], points[1], cx, cy);
      cx = java.util.Arrays.copyOfRange(out, 0, k);
      cy = java.util.Arrays.copyOfRange(out, k, 2 * k);
    }
    return out;
  }

  /** Run time (ns) of each thread of this JVM ({@code driver/name#tid}) and of the JVMs it started ({@code pid/name#tid}). */
  private static Map<String, Long> threads() throws IOException {
    Map<String, Long> out = new TreeMap<>();
    long self = ProcessHandle.current().pid();
    List<Long> pids = new ArrayList<>(List.of(self));
    ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
    for (long pid : pids) {
      Path tasks = Path.of("/proc", Long.toString(pid), "task");
      if (!Files.isDirectory(tasks)) {
        continue; // not Linux, or the process ended
      }
      try (Stream<Path> list = Files.list(tasks)) {
        for (Path t : (Iterable<Path>) list::iterator) {
          try {
            String name = Files.readString(t.resolve("comm")).trim();
            long run = Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[0]);
            out.put((pid == self ? "driver" : Long.toString(pid)) + "/" + name + "#" + t.getFileName(), run);
          } catch (IOException | RuntimeException e) {
            // the thread ended meanwhile
          }
        }
      } catch (IOException e) {
        // the process ended meanwhile
      }
    }
    return out;
  }
}
