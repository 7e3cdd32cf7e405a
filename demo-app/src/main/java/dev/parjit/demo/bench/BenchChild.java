package dev.parjit.demo.bench;

import dev.parjit.Parjit;
import dev.parjit.demo.bench.sql.DuckDbEngine;
import dev.parjit.demo.bench.sql.SqlEngine;
import dev.parjit.demo.bench.workload.Workload;
import dev.parjit.demo.bench.workload.Workloads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The measured JVM: {@code BenchChild <workload> <engine> <full|quick> <data dir> <runs> <warm-up ms>}.
 * Runs the workload once (the first, cold call), then untimed for {@code warm-up ms} (at least 3 and at
 * most 300 calls), so the JIT of every JVM taking part, spawned workers included, has compiled the
 * code of a steady state: a worker that does half the work per call needs twice the calls to get
 * there, and code that runs once per call (messages, collectives, the driver's side of a call) needs
 * a few hundred calls (a spawn-mode Parquet mean measured 27-34 ms after 400 calls, 32-39 ms after 50,
 * while the sequential run did not change). Then
 * {@code runs} timed times, and prints
 * {@code BENCH first_ms X}, {@code BENCH first_from_start_ms Y} (from this process's start to the first
 * answer), {@code BENCH times_ms a,b,...} and {@code BENCH result d1,d2,...}
 * (rank 0 only in SPMD mode, where every rank runs this and a barrier starts each timed run).
 */
public final class BenchChild {
  /** Name of the Spark engine class, present only in the {@code -Pspark} build. */
  public static final String SPARK_ENGINE = "dev.parjit.demo.bench.spark.SparkEngine";
  /** Threads (cores) every engine may use. */
  public static final int THREADS = 2;

  private interface Once {
    double[] run() throws Exception;
  }

  private static final int MIN_WARMUPS = 3;
  private static final int MAX_WARMUPS = 300;
  private static final int SPMD_WARMUPS = 15;

  private BenchChild() { }

  public static void main(String[] args) throws Exception {
    Workload w = Workloads.byId(args[0]);
    Engine engine = Engine.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
    Scale scale = Scale.valueOf(args[2].toUpperCase(java.util.Locale.ROOT));
    Path data = Path.of(args[3]);
    int runs = Integer.parseInt(args[4]);
    long warmupMillis = args.length > 5 ? Long.parseLong(args[5]) : 0;
    SqlEngine sql = switch (engine) {
      case DUCKDB -> new DuckDbEngine(THREADS);
      case SPARK -> (SqlEngine) Class.forName(SPARK_ENGINE).getConstructor(int.class).newInstance(THREADS);
      default -> null;
    };
    try {
      Once once = switch (engine) {
        case JIT -> () -> w.runJit(scale, data);
        case STREAMS -> () -> w.runStreams(scale, data);
        default -> {
          String query = w.sql(sql.dialect(), scale, data)
              .orElseThrow(() -> new IllegalArgumentException(w.id() + " has no SQL form"));
          List<String> setup = new ArrayList<>(w.sqlSetup(sql.dialect(), scale, data));
          yield () -> {
            for (String statement : setup) { // the first call's, like a Parjit program's first read
              sql.execute(statement);
            }
            setup.clear();
            return w.digestRows(sql.query(query));
          };
        }
      };
      measure(once, runs, warmupMillis);
    } finally {
      if (sql != null) {
        sql.close();
      }
    }
  }

  private static void measure(Once once, int runs, long warmupMillis) throws Exception {
    boolean report = Parjit.getRank() == 0;
    Parjit.barrier();
    long t0 = System.nanoTime();
    double[] result = once.run();
    double first = (System.nanoTime() - t0) / 1e6;
    // What a user of a cold program waits: from this process's start (the OS's record) to the answer.
    long answered = System.currentTimeMillis();
    double fromStart = ProcessHandle.current().info().startInstant().map(s -> (double) (answered - s.toEpochMilli()))
        .orElse(Double.NaN);
    // SPMD ranks must make the same calls, and cannot agree on a time: they warm up a fixed count.
    boolean spmd = Parjit.getSize() > 1;
    long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000;
    int warmups = 0;
    while (spmd ? warmups < SPMD_WARMUPS : warmups < MIN_WARMUPS || (System.nanoTime() < warmupEnd && warmups < MAX_WARMUPS)) {
      Parjit.barrier();
      once.run();
      warmups++;
    }
    if (report) {
      System.out.println("BENCH warmups " + warmups);
    }
    double[] ms = new double[runs];
    for (int r = 0; r < runs; r++) {
      Parjit.barrier();
      long t = System.nanoTime();
      double[] again = once.run();
      ms[r] = (System.nanoTime() - t) / 1e6;
      if (!Arrays.equals(again, result) && report) {
        System.out.println("BENCH note result of run " + (r + 1) + " differs from the first: " + Arrays.toString(again));
      }
    }
    if (report) {
      System.out.printf("BENCH first_ms %.3f%n", first);
      if (!Double.isNaN(fromStart)) {
        System.out.printf("BENCH first_from_start_ms %.0f%n", fromStart);
      }
      System.out.println("BENCH times_ms " + Arrays.stream(ms).mapToObj(v -> String.format("%.3f", v))
          .collect(Collectors.joining(",")));
      StringJoiner j = new StringJoiner(",");
      for (double v : result) {
        j.add(Double.toString(v));
      }
      System.out.println("BENCH result " + j);
      System.out.flush();
    }
  }
}
