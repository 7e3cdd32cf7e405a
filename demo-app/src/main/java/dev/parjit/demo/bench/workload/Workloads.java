package dev.parjit.demo.bench.workload;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The workloads of {@code bin/parjit bench}, in report order. A measured JVM makes only the one it
 * runs ({@link #byId}): every workload class has {@code @Jit} methods, and loading the others would
 * have the agent compile them too, which no program with that one query would do, and which the
 * cold first call would pay for.
 */
public final class Workloads {

  /** Id and maker of every workload; the lambdas load a workload's class only when called. */
  private static final List<Map.Entry<String, Supplier<Workload>>> ALL = List.of(
      w("montecarlo", () -> new MonteCarloWorkload()), w("sumsq", () -> new SumSquaresWorkload()),
      w("parquet-mean", () -> new ParquetMeanWorkload()), w("groupby", () -> new GroupByWorkload()),
      w("groupby3", () -> new GroupByMultiWorkload()), w("kmeans", () -> new KMeansWorkload()),
      w("kmeans-frame", () -> new KMeansFrameWorkload()), w("filter-join", () -> new FilterJoinWorkload()),
      w("sort", () -> new SortWorkload()), w("matmul2d", () -> new MatMul2DWorkload()),
      w("cg", () -> new ConjugateGradientWorkload()),
      w("cg-jit", () -> new ConjugateGradientJitWorkload()), w("jacobi1d", () -> new Jacobi1DWorkload()),
      w("fourier", () -> new FourierWorkload()), w("kmeans-loop", () -> new KMeansLoopWorkload()));

  private Workloads() { }

  private static Map.Entry<String, Supplier<Workload>> w(String id, Supplier<Workload> make) {
    return Map.entry(id, make);
  }

  /** Every workload. */
  public static List<Workload> all() {
    return ALL.stream().map(e -> e.getValue().get()).toList();
  }

  /** The workload with this {@link Workload#id()}, made alone. */
  public static Workload byId(String id) {
    return ALL.stream().filter(e -> e.getKey().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + id + "'")).getValue().get();
  }

  /** The ids, in report order. */
  static List<String> ids() {
    return ALL.stream().map(Map.Entry::getKey).toList();
  }
}
