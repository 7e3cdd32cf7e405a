package dev.parjit.mpi.bench;

import dev.parjit.mpi.launch.LaunchResult;
import dev.parjit.mpi.launch.Launcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mpi module's benchmark harness (not a test): launch-to-Init time for 2 and 4 ranks, then
 * {@link CommunicatorBenchmark} on 2 ranks. Run after {@code bin/parjit build}:
 * <pre>
 * java -cp "mpi/target/test-classes:mpi/target/classes:$(cat mpi/target/runtime-classpath.txt)" \
 *   dev.parjit.mpi.bench.MpiBenchmarks
 * </pre>
 */
public final class MpiBenchmarks {

  private MpiBenchmarks() { }

  public static void main(String[] args) throws Exception {
    for (int ranks : new int[] {2, 4}) {
      List<Long> times = new ArrayList<>();
      for (int rep = 0; rep < 5; rep++) {
        times.add(launchToInit(ranks));
      }
      Collections.sort(times);
      System.out.printf("launch to MPI.Init on %d ranks: median %d ms (min %d, max %d, 5 launches)%n",
          ranks, times.get(2), times.get(0), times.get(4));
    }
    try (Launcher job = Launcher.builder().ranks(2).mainClass(CommunicatorBenchmark.class.getName())
        .output((r, err, line) -> System.out.println(line)).start()) {
      LaunchResult r = job.waitFor();
      if (!r.succeeded()) {
        throw new IllegalStateException(r.message());
      }
    }
  }

  /** Milliseconds from the launch to the last rank's completed {@code MPI.Init}. */
  private static long launchToInit(int ranks) throws InterruptedException {
    List<Long> inits = Collections.synchronizedList(new ArrayList<>());
    long start = System.currentTimeMillis();
    try (Launcher job = Launcher.builder().ranks(ranks).mainClass(InitProbe.class.getName())
        .output((r, err, line) -> {
          if (line.startsWith("INIT ")) {
            inits.add(Long.parseLong(line.substring(5)));
          }
        }).start()) {
      LaunchResult r = job.waitFor();
      if (!r.succeeded() || inits.size() != ranks) {
        throw new IllegalStateException("probe failed: " + r.message());
      }
    }
    return Collections.max(inits) - start;
  }
}
