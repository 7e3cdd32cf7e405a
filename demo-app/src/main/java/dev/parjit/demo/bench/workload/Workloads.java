package dev.parjit.demo.bench.workload;

import java.util.List;

/** The workloads of {@code bin/parjit bench}, in report order. */
public final class Workloads {

  private Workloads() { }

  /** Every workload. */
  public static List<Workload> all() {
    return List.of(new MonteCarloWorkload(), new SumSquaresWorkload(), new ParquetMeanWorkload(),
        new GroupByWorkload(), new GroupByMultiWorkload(), new KMeansWorkload(), new KMeansFrameWorkload(),
        new FilterJoinWorkload(), new SortWorkload(), new MatMul2DWorkload(), new ConjugateGradientWorkload(),
        new ConjugateGradientJitWorkload(), new Jacobi1DWorkload(), new FourierWorkload(), new KMeansLoopWorkload());
  }

  /** The workload with this {@link Workload#id()}. */
  public static Workload byId(String id) {
    return all().stream().filter(w -> w.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + id + "'"));
  }
}
