package dev.parjit.demo.bench;

import dev.parjit.demo.bench.report.Cell;
import dev.parjit.demo.bench.report.ChartReport;
import dev.parjit.demo.bench.report.Environment;
import dev.parjit.demo.bench.report.MarkdownReport;
import dev.parjit.demo.bench.report.Measurement;
import dev.parjit.demo.bench.report.ResultTable;
import dev.parjit.demo.bench.runner.BenchJvm;
import dev.parjit.demo.bench.runner.ChildProcess;
import dev.parjit.demo.bench.runner.Runner;
import dev.parjit.demo.bench.runner.RunnerSelection;
import dev.parjit.demo.bench.runner.Runners;
import dev.parjit.demo.bench.workload.Workload;
import dev.parjit.demo.bench.workload.Workloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/parjit bench}: every workload under every runner, each configuration in a fresh JVM,
 * answers compared, then {@code bench-results.md} and {@code bench-results.png}. Exits with 1 when
 * a run failed or an answer differs from the sequential one (after writing the report).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Runs the Parjit benchmarks (sequential, parallel streams, Parjit spawn and SPMD, DuckDB, Spark) "
        + "and writes bench-results.md and bench-results.png.")
public final class BenchRunner implements Callable<Integer> {

  @Option(names = "--quick", description = "3 runs and smaller sizes (a few minutes on 2 cores)")
  boolean quick;

  @Option(names = "--out", description = "directory for bench-results.md/.png (default: the working directory)")
  Path out = Path.of(".");

  @Option(names = "--data", description = "cache of generated input files (default: ${DEFAULT-VALUE})")
  Path data = Path.of("target", "bench-data");

  @Option(names = "--agent", description = "parjit-agent.jar (default: ${DEFAULT-VALUE})")
  Path agent = Path.of("agent", "target", "parjit-agent.jar");

  @Option(names = "--launcher", description = "bin/parjit: the spawn-mode driver starts through `bin/parjit java`, "
      + "as a user's does (default: none, a plain java -javaagent:...)")
  Path launcher;

  @Option(names = "--agent-options", description = "extra agent options for the Parjit runners, e.g. "
      + "deterministic=true (default: none)")
  String agentOptions = "";

  @Option(names = "--runs", description = "warm runs per configuration (default: 5, --quick: 3)")
  Integer runs;

  @Option(names = "--warmup-ms", description = "untimed calls after the cold one for this long, at least 3 and at most 300 "
      + "(default: 10000, --quick: 500; SPMD ranks make 15 calls)")
  Long warmupMs;

  @Option(names = "--rounds", description = "fresh JVMs per configuration, taken in turn (the sequential one, then "
      + "each peer, then again), their warm runs pooled: slow phases of a shared machine then fall on every "
      + "configuration alike (default: ${DEFAULT-VALUE})")
  int rounds = 1;

  @Option(names = "--workload", split = ",", description = "only these workloads (ids: montecarlo, sumsq, "
      + "parquet-mean, groupby, groupby3, kmeans, kmeans-frame, filter-join, sort, and issue 14's matmul2d, cg, "
      + "jacobi1d, fourier, kmeans-loop)")
  List<String> workloads;

  @Option(names = "--runner", split = ",", description = "only these runners besides the sequential baseline "
      + "(ids: streams, spawn, spmd, duckdb, spark; spark needs the -Pspark build: bin/parjit bench --with-spark)")
  List<String> runnerIds;

  @Option(names = "--timeout", description = "seconds before a run is killed (default: ${DEFAULT-VALUE})")
  long timeout = 900;

  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(new CommandLine(new BenchRunner()).setOverwrittenOptionsAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    Scale scale = quick ? Scale.QUICK : Scale.FULL;
    int n = runs != null ? runs : scale.pick(5, 3);
    long warmups = warmupMs != null ? warmupMs : scale.pick(10_000L, 500L);
    if (!Files.isRegularFile(agent)) {
      throw new CommandLine.ParameterException(new CommandLine(this), "no agent jar at " + agent + " (--agent)");
    }
    List<Workload> ws = workloads == null ? Workloads.all() : workloads.stream().map(Workloads::byId).toList();
    List<Runner> rs;
    try {
      rs = RunnerSelection.select(Runners.all(), runnerIds);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage() + " (--runner)");
    }
    RunnerSelection.unavailable(rs).forEach(BenchRunner::progress);
    String cp = System.getProperty("java.class.path");
    BenchJvm jvm = new BenchJvm(Path.of(System.getProperty("java.home"), "bin", "java").toString(), cp,
        agent.toAbsolutePath(), scale, data, n, warmups, agentOptions,
        launcher == null ? null : launcher.toAbsolutePath());
    Files.createDirectories(data);
    Files.createDirectories(out);
    for (Workload w : ws) {
      w.prepare(scale, data, m -> progress("data: " + m));
    }
    ResultTable table = new ResultTable(rs.stream().map(Runner::label).toList());
    if (rounds < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--rounds must be at least 1, got " + rounds);
    }
    for (Workload w : ws) {
      table.addWorkload(w.id(), w.title(scale), w.tolerance());
      Map<Runner, List<Cell>> cells = new LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        for (Runner r : rs) {
          List<Cell> done = cells.computeIfAbsent(r, k -> new ArrayList<>());
          if (done.isEmpty() || done.get(done.size() - 1).measurement() != null) {
            done.add(measure(jvm, w, r, rounds > 1 ? " (round " + round + " of " + rounds + ")" : ""));
          }
        }
      }
      for (Runner r : rs) {
        Cell c = table.put(w.id(), r.label(), pooled(w, r, cells.get(r)));
        if (c.status().equals(Cell.MISMATCH)) {
          progress(w.id() + " / " + r.label() + ": MISMATCH: " + c.detail());
        }
      }
    }
    String heading = String.format("%s run (`bin/parjit bench%s`), %s: warm median of %d runs after one cold call and %d ms "
        + "of untimed warm-up calls (at least 3), each configuration in a fresh JVM%s; inputs generated once under `%s`. "
        + "Total wall time %.0f s.",
        quick ? "Quick" : "Full", (quick ? " --quick" : "") + (agentOptions.isEmpty() ? "" : " --agent-options " + agentOptions),
        LocalDate.now(), n * rounds, warmups,
        rounds > 1 ? " (" + rounds + " JVMs each, taken in turn, their runs pooled)" : "", data, (System.nanoTime() - t0) / 1e9);
    MarkdownReport.write(out.resolve("bench-results.md"), table, heading, Environment.current(cp));
    ChartReport.write(out.resolve("bench-results.png"), table,
        "Parjit benchmarks" + (quick ? " (quick sizes)" : "") + ": warm median, 2 cores");
    progress(String.format("wrote %s and %s in %.0f s", out.resolve("bench-results.md"),
        out.resolve("bench-results.png"), (System.nanoTime() - t0) / 1e9));
    if (table.anyBad()) {
      progress("FAILED: a run failed or an answer differs; see the Answers section of bench-results.md");
      return 1;
    }
    return 0;
  }

  /** A configuration's rounds as one cell: their warm runs pooled, or the first round that had no numbers. */
  private Cell pooled(Workload w, Runner r, List<Cell> rounds) {
    for (Cell c : rounds) {
      if (c.measurement() == null) {
        return c;
      }
    }
    if (rounds.size() == 1) {
      return rounds.get(0);
    }
    Measurement m = Measurement.pooled(rounds.stream().map(Cell::measurement).toList());
    progress(String.format("%s / %s: %d rounds pooled: median %.1f ms (%.1f–%.1f)", w.id(), r.label(), rounds.size(),
        m.median(), m.min(), m.max()));
    return Cell.of(m);
  }

  private Cell measure(BenchJvm jvm, Workload w, Runner r, String round) {
    String what = w.id() + " / " + r.label() + round;
    Optional<String> skip = r.skip(w);
    if (skip.isPresent()) {
      progress(what + ": " + skip.get());
      return Cell.skipped(skip.get(), "");
    }
    progress(what + ": running...");
    long t = System.nanoTime();
    try {
      Measurement m = ChildProcess.run(r.command(jvm, w), timeout);
      progress(String.format("%s: median %.1f ms (%.1f–%.1f), first call %.0f ms (%.0f ms from process start), JVM %.1f s",
          what, m.median(), m.min(), m.max(), m.firstMs(), m.firstFromStartMs(), (System.nanoTime() - t) / 1e9));
      return Cell.of(withCompileCache(jvm, w, r, m, what));
    } catch (Exception e) {
      progress(what + ": FAILED: " + e.getMessage());
      String first = String.valueOf(e.getMessage()).lines().filter(l -> l.contains("Exception") || l.contains("Error"))
          .findFirst().orElse(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      return Cell.skipped(Cell.FAILED, first);
    }
  }

  /**
   * The cold call with the compile cache on, for runners that have one: a first run fills a fresh
   * cache directory (untimed), a second one starts from it. The measurement itself is the cache off.
   */
  private Measurement withCompileCache(BenchJvm jvm, Workload w, Runner r, Measurement m, String what) throws Exception {
    Path cacheDir = Files.createTempDirectory("parjit-bench-cache");
    try {
      Optional<List<String>> cmd = r.cachedCommand(jvm, w, cacheDir);
      if (cmd.isEmpty()) {
        return m;
      }
      ChildProcess.run(cmd.get(), timeout); // fills the cache
      Measurement cached = ChildProcess.run(cmd.get(), timeout);
      progress(String.format("%s: with the compile cache, first call %.0f ms from process start", what,
          cached.firstFromStartMs()));
      return m.withCachedFirstFromStart(cached.firstFromStartMs());
    } finally {
      try (java.util.stream.Stream<Path> files = Files.walk(cacheDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static void progress(String message) {
    System.out.println("[bench] " + message);
    System.out.flush();
  }
}
