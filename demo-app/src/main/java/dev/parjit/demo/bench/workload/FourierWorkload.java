package dev.parjit.demo.bench.workload;

import dev.parjit.Jit;
import dev.parjit.demo.bench.Scale;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Fourier coefficients of f(x) = (x + 1)^x on [0, 2], each by trapezoid integration (1,000
 * intervals), as the classic series benchmark computes them: an instance method over fields
 * (the number of terms, the coefficient arrays) with private helpers.
 */
public final class FourierWorkload implements Workload {

  static final int INTERVALS = 1000;

  static int terms(Scale scale) {
    return scale.pick(20_000, 4_000);
  }

  /** The series object: sizes and results in fields. */
  public static final class Series {
    private final int terms;
    private final double[] cosine;
    private final double[] sine;

    public Series(int terms) {
      this.terms = terms;
      this.cosine = new double[terms];
      this.sine = new double[terms];
    }

    private static double integrand(double x, double omegaN, int select) {
      double f = Math.pow(x + 1, x);
      return select == 0 ? f : select == 1 ? f * Math.cos(omegaN * x) : f * Math.sin(omegaN * x);
    }

    static double trapezoid(double omegaN, int select) {
      double dx = 2.0 / INTERVALS;
      double sum = (integrand(0, omegaN, select) + integrand(2, omegaN, select)) / 2;
      for (int k = 1; k < INTERVALS; k++) {
        sum += integrand(k * dx, omegaN, select);
      }
      return sum * dx;
    }

    /** The kernel: coefficient i of each series, by index. */
    @Jit
    public void compute() {
      for (int i = 0; i < terms; i++) {
        cosine[i] = trapezoid(Math.PI * i, 1);
        sine[i] = trapezoid(Math.PI * i, 2);
      }
    }

    /** The peer: the same per-index integrals by a parallel stream. */
    public void computeStreams() {
      IntStream.range(0, terms).parallel().forEach(i -> {
        cosine[i] = trapezoid(Math.PI * i, 1);
        sine[i] = trapezoid(Math.PI * i, 2);
      });
    }

    double[] digest() {
      double c = 0;
      double s = 0;
      for (int i = 0; i < terms; i++) {
        c += Math.abs(cosine[i]);
        s += Math.abs(sine[i]);
      }
      return new double[] {c, s, terms > 1 ? cosine[1] : 0};
    }
  }

  @Override
  public String id() {
    return "fourier";
  }

  @Override
  public String title(Scale scale) {
    return String.format("Fourier series, %,d coefficient pairs x %,d intervals (instance method)", terms(scale), INTERVALS);
  }

  @Override
  public double[] runJit(Scale scale, Path dataDir) {
    Series s = new Series(terms(scale));
    s.compute();
    return s.digest();
  }

  @Override
  public double[] runStreams(Scale scale, Path dataDir) {
    Series s = new Series(terms(scale));
    s.computeStreams();
    return s.digest();
  }
}
