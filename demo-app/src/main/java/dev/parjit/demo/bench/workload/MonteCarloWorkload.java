package dev.parjit.demo.bench.workload;

import dev.parjit.demo.bench.MonteCarlo;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;

/** Monte Carlo π over counter-based random points (no input data): {@link MonteCarlo}. */
public final class MonteCarloWorkload implements Workload {

  static long points(Scale scale) {
    return scale.pick(400_000_000L, 40_000_000L);
  }

  @Override
  public String id() {
    return "montecarlo";
  }

  @Override
  public String title(Scale scale) {
    return String.format("Monte Carlo pi, %,d points", points(scale));
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    return new double[] {MonteCarlo.pi(points(scale))};
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    return new double[] {MonteCarlo.piStreams(points(scale))};
  }
}
