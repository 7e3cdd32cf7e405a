package dev.parjit.demo;

import dev.parjit.Jit;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;

/** The seed example of DESIGN §1, as a user would write it. */
public class Example {

  @Jit
  static DataFrame f(int n, double a) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = i + a;
    return DataFrame.of("A", x);
  }

  @Jit
  static Series meanPowerSpeed(String path) {
    DataFrame df = DataFrame.readParquet(path);
    return df.select("power", "speed").mean();
  }

  public static void main(String[] args) {
    System.out.println(f(8, 1).head(3));     // compiled for (int,double), runs on the workers
    System.out.println(meanPowerSpeed(args[0]));
  }
}
