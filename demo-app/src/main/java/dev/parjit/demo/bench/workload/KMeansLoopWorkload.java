package dev.parjit.demo.bench.workload;

import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;

/**
 * A k-means loop: {@value #ITERATIONS} steps of {@link KMeansWorkload#step} from the initial
 * centroids, driven by a plain-Java loop that passes the same 1M points in two plain
 * {@code double[]} every time (resident on the workers after the first call).
 */
public final class KMeansLoopWorkload implements Workload {

  static final int ITERATIONS = 10;

  private final KMeansWorkload points = new KMeansWorkload();

  @Override
  public String id() {
    return "kmeans-loop";
  }

  @Override
  public String title(Scale scale) {
    return String.format("k-means loop, %d steps over %,d 2-D points, k=%d", ITERATIONS,
        KMeansWorkload.points(scale), KMeansWorkload.K);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    double[][] d = points.myPoints(KMeansWorkload.points(scale));
    return iterate(d, true);
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    double[][] d = points.myPoints(KMeansWorkload.points(scale));
    return iterate(d, false);
  }

  private static double[] iterate(double[][] d, boolean jit) {
    int k = KMeansWorkload.K;
    double[] cx = KMeansWorkload.initial(false);
    double[] cy = KMeansWorkload.initial(true);
    double[] out = null;
    for (int it = 0; it < ITERATIONS; it++) {
      out = jit ? KMeansWorkload.step(d[0], d[1], cx, cy) : KMeansWorkload.stepStreams(d[0], d[1], cx, cy);
      cx = java.util.Arrays.copyOfRange(out, 0, k);
      cy = java.util.Arrays.copyOfRange(out, k, 2 * k);
    }
    return out;
  }
}
