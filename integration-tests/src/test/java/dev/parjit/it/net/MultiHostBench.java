package dev.parjit.it.net;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Multi-host benchmark on simulated hosts (a harness, not a test; root only, see
 * {@link SimulatedHosts}): 4 ranks on this machine (loopback) against 4 ranks over 2 simulated
 * hosts (2 + 2, through ssh and a bridge):
 * <ul>
 * <li>launch to first result: wall time from starting the command to the first {@code RESULT} line
 *     of {@link StartupProbe}, SPMD ({@code LauncherMain -np 4 [--hostfile]}) and spawn mode (a
 *     driver here with 4 workers [{@code hostfile=}]);</li>
 * <li>allreduce of 1M doubles ({@link AllreduceProbe}), median of the timed rounds.</li>
 * </ul>
 * Configurations are taken in turn (one host or two first, alternately), {@code repetitions} times, medians printed. The simulated
 * hosts share this machine's processors and memory: the figures show what the remote start
 * (ssh, JVM in a namespace) and the virtual network cost, not what a real cluster's would. From
 * the repository root, after a build:
 *
 * <pre>
 * java -Dparjit.root=. -cp integration-tests/target/test-classes:$(cat integration-tests/target/runtime-classpath.txt) \
 *     dev.parjit.it.net.MultiHostBench [repetitions]
 * </pre>
 */
public final class MultiHostBench {

  private MultiHostBench() { }

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String reason = SimulatedHosts.unavailableReason();
    if (reason != null) {
      System.out.println("MultiHostBench: cannot run: " + reason);
      return;
    }
    Path root = Path.of(System.getProperty("parjit.root", ".")).toAbsolutePath().normalize();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path agent = root.resolve("agent/target/parjit-agent.jar");
    String mpiCp = root.resolve("mpi/target/classes") + ":" + Files.readString(root.resolve("mpi/target/runtime-classpath.txt")).trim();
    String tests = root.resolve("integration-tests/target/test-classes").toString();
    try (SimulatedHosts hosts = new SimulatedHosts(true, true)) {
      Path hostfile = Files.writeString(hosts.dir().resolve("hosts"),
          hosts.hosts().get(0).address() + " slots=2\n" + hosts.hosts().get(1).address() + " slots=2\n");
      List<String> rsh = List.of("env", "PARJIT_RSH=" + hosts.rsh());
      String[] names = {"SPMD launch->first result, 1 host ", "SPMD launch->first result, 2 hosts",
          "spawn launch->first result, 1 host ", "spawn launch->first result, 2 hosts",
          "allreduce 1M doubles, 4 ranks, 1 host ", "allreduce 1M doubles, 4 ranks, 2 hosts"};
      List<List<Double>> results = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        results.add(new ArrayList<>());
      }
      for (int rep = 0; rep < reps; rep++) {
        for (int k = 0; k < 2; k++) {
          int c = (rep + k) % 2; // which goes first alternates: a load spike must not always hit the same one
          List<String> host = c == 0 ? List.of() : List.of("--hostfile", hostfile.toString());
          List<String> spmd = new ArrayList<>(rsh);
          spmd.addAll(List.of(java, "-cp", mpiCp, "dev.parjit.mpi.launch.LauncherMain", "--agent", agent.toString(), "-np", "4"));
          spmd.addAll(host);
          spmd.addAll(List.of("-cp", tests, StartupProbe.class.getName(), "1000"));
          results.get(c).add((double) firstLine(spmd, "RESULT ")[0]);

          List<String> spawn = new ArrayList<>(rsh);
          spawn.addAll(List.of(java, "-javaagent:" + agent + "=workers=4" + (c == 0 ? "" : ",hostfile=" + hostfile),
              "-cp", tests, StartupProbe.class.getName(), "1000"));
          results.get(2 + c).add((double) firstLine(spawn, "RESULT ")[0]);

          List<String> reduce = new ArrayList<>(rsh);
          reduce.addAll(List.of(java, "-cp", mpiCp, "dev.parjit.mpi.launch.LauncherMain", "-np", "4"));
          reduce.addAll(host);
          reduce.addAll(List.of("-cp", tests + ":" + mpiCp, AllreduceProbe.class.getName(), "15"));
          results.get(4 + c).add(Double.parseDouble(lineWith(reduce, "ALLREDUCE_MS").replaceAll(".*median (\\S+).*", "$1")));
        }
      }
      System.out.println("MultiHostBench: " + reps + " repetitions, medians (ms); all ranks on this machine's "
          + Runtime.getRuntime().availableProcessors() + " processors");
      for (int i = 0; i < names.length; i++) {
        double[] v = results.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %s  median %8.1f   min %8.1f   max %8.1f%n", names[i], v[v.length / 2], v[0],
            v[v.length - 1]);
      }
    }
  }

  /** Runs {@code cmd}; answers ms from start to the first line containing {@code marker}. */
  private static long[] firstLine(List<String> cmd, String marker) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    long first = -1;
    StringBuilder all = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        all.append(line).append('\n');
        if (first < 0 && line.contains(marker)) {
          first = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        }
      }
    } finally {
      p.waitFor(120, TimeUnit.SECONDS);
      p.destroyForcibly();
    }
    if (first < 0 || p.exitValue() != 0) {
      throw new IllegalStateException("no " + marker + " from " + String.join(" ", cmd) + ":\n" + all);
    }
    return new long[] {first};
  }

  private static String lineWith(List<String> cmd, String marker) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    p.destroyForcibly();
    return Arrays.stream(out.split("\n")).filter(l -> l.contains(marker)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + marker + " from " + String.join(" ", cmd) + ":\n" + out));
  }
}
