package dev.parjit.demo;

import dev.parjit.frame.DataFrame;
import dev.parjit.Jit;
import dev.parjit.Parjit;
import dev.parjit.demo.bench.MonteCarlo;

/**
 * The spawn-mode demo run by {@code bin/parjit demo}: the first {@code @Jit} call starts the
 * workers, later calls reuse them; a method that prints runs on the driver, so its output is the
 * sequential program's.
 */
public final class Demo {

  private Demo() { }

  /** Saxpy into a new array (1D_Block on the workers, gathered for the caller), then its sum. */
  @Jit
  static double saxpySum(int n, double a) {
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.5;
      y[i] = n - i;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a * x[i] + y[i];
    }
    return s;
  }

  /**
   * Prints inside a parallel loop. In spawn mode a method that prints runs on the driver, so its lines
   * come out whole and in order, as without the agent (a warning says so); in SPMD mode every rank
   * prints its own iterations, as in Bodo.
   */
  @Jit
  static int whoDoesWhat(int n) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      System.out.println("iteration " + i);
      count++;
    }
    return count;
  }

  public static void main(String[] args) throws java.io.IOException {
    System.out.println("driver: rank " + Parjit.getRank() + " of " + Parjit.getSize() + " (workers run the @Jit calls)");
    System.out.println("--- the seed example: f(n, a) builds a frame on the workers; head(3) of the result"
        + " (the first @Jit call starts the workers)");
    System.out.println(Example.f(8, 1).head(3));
    System.out.println(Example.f(8, 2).head(3));
    System.out.println(Example.f(8, 2.2).head(3));
    java.nio.file.Path ride = CyclingData.ensure(java.nio.file.Path.of(args.length > 0 ? args[0]
        : "target/demo-data/cycling.parquet"), 1_048_576);
    System.out.println("--- meanPowerSpeed over " + ride + " (1,048,576 rows; each worker reads its row groups)");
    long t = System.nanoTime();
    System.out.println(Example.meanPowerSpeed(ride.toString()));
    System.out.printf("(%.0f ms)%n", (System.nanoTime() - t) / 1e6);
    Parjit.distributedDiagnostics(Example.class, "meanPowerSpeed");
    System.out.println("--- a Parquet ETL in one @Jit call: read, filter, groupBy, write one part per worker, read back");
    java.nio.file.Path out = ride.resolveSibling("hard-efforts");
    DataFrame byCadence = RideEtl.hardEffortsByCadence(ride.toString(), out.toString(), 250);
    System.out.println(byCadence.numRows() + " cadences (the rows stay on the workers; head(5) fetches five):");
    System.out.println(byCadence.head(5));
    System.out.println("--- k-means and logistic regression: each step is one @Jit call over 1M points");
    KMeans.run(1_000_000, 4, 5);
    LogisticRegression.run(1_000_000, 20);
    System.out.println("--- arrays, prints and Monte Carlo");
    long t0 = System.nanoTime();
    System.out.println("saxpySum(10_000_000, 2.0) = " + saxpySum(10_000_000, 2.0)
        + String.format("  (its first call, compiled and shipped: %.0f ms)", (System.nanoTime() - t0) / 1e6));
    System.out.println("whoDoesWhat(6) = " + whoDoesWhat(6));
    long n = 200_000_000L;
    t0 = System.nanoTime();
    double pi = MonteCarlo.pi(n);
    System.out.printf("Monte Carlo pi over %,d points = %.6f  (%.0f ms)%n", n, pi, (System.nanoTime() - t0) / 1e6);
  }
}
