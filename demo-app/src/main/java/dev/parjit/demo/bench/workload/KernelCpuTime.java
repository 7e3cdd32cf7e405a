package dev.parjit.demo.bench.workload;

import dev.parjit.Parjit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Thread CPU time per call of one numeric kernel, on this rank:
 * {@code KernelCpuTime <kmeans|kmeans-frame|groupby|matmul|jacobi> <calls> [data dir]}, run without the agent, or with it in SPMD
 * mode ({@code bin/parjit spmd -np N}). CPU time rather than wall time, because on a shared machine
 * at a high load average wall times mostly measure the other programs; it answers whether the
 * rewritten loop costs more per element than the original (one rank against no agent) and how the
 * work splits (two ranks). It says nothing of spawn mode's driver, nor of waiting in collectives.
 * Prints the median over the second half of the calls (the first half warms the JIT).
 */
public final class KernelCpuTime {

  private KernelCpuTime() { }

  /** The groupBy mean of {@link GroupByWorkload} over the dataset in {@code dir}: its number of groups. */
  private static double groupByOnce(String dir) {
    try (dev.parjit.frame.DataFrame g = GroupByWorkload.groupMean(dir)) {
      return g.numRows();
    }
  }

  public static void main(String[] args) {
    String kernel = args[0];
    int calls = Integer.parseInt(args[1]);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] points = kernel.equals("kmeans") ? new KMeansWorkload().myPoints(1_000_000) : null;
    double[][] a = kernel.equals("matmul") ? MatMul2DWorkload.matrix(700, 31) : null;
    double[][] b = kernel.equals("matmul") ? MatMul2DWorkload.matrix(700, 32) : null;
    // kmeans-frame: the points as the bench's lazy-frame step reads them (a Parquet directory).
    dev.parjit.frame.DataFrame frame = kernel.equals("kmeans-frame") ? KMeansFrameWorkload.loadPoints(args[2]) : null;
    double sink = 0;
    long[] cpu = new long[calls];
    for (int c = 0; c < calls; c++) {
      long t0 = mx.getCurrentThreadCpuTime();
      sink += switch (kernel) {
        case "kmeans" -> KMeansWorkload.step(points[0], points[1], KMeansWorkload.initial(false),
            KMeansWorkload.initial(true))[0];
        case "kmeans-frame" -> KMeansFrameWorkload.stepFrame(frame, KMeansWorkload.initial(false),
            KMeansWorkload.initial(true))[0];
        case "groupby" -> groupByOnce(args[2]);
        case "matmul" -> MatMul2DWorkload.multiply(a, b)[3][5];
        case "jacobi" -> Jacobi1DWorkload.relax(Jacobi1DWorkload.points(dev.parjit.demo.bench.Scale.FULL), 10)[1];
        default -> throw new IllegalArgumentException("kernel: kmeans, kmeans-frame, groupby, matmul or jacobi, not " + kernel);
      };
      cpu[c] = mx.getCurrentThreadCpuTime() - t0;
    }
    long[] warm = Arrays.copyOfRange(cpu, calls / 2, calls);
    Arrays.sort(warm);
    if (Parjit.getRank() == 0 && warm.length > 0) {
      // The sink keeps the results alive (and shows that every configuration computed the same).
      System.out.printf("%s: thread CPU per call, median of the last %d calls: %.1f ms (min %.1f); result %s%n", kernel,
          warm.length, warm[warm.length / 2] / 1e6, warm[0] / 1e6, sink);
    }
  }
}
