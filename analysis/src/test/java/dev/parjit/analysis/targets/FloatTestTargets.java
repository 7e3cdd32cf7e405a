package dev.parjit.analysis.targets;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;

/** Loops that test values with Double.isNaN and friends. */
@SuppressWarnings("unused")
public final class FloatTestTargets {

  private FloatTestTargets() { }

  static double skipNaN(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isNaN(a[i]) && Double.isFinite(a[i])) {
        s += a[i];
      }
    }
    return s;
  }

  static String countNaNRows(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series x = df.column("x");
    int nan = 0;
    double s = 0;
    for (int i = 0; i < df.numRows(); i++) {
      double v = x.getDouble(i);
      if (Double.isNaN(v)) {
        nan++;
      } else {
        s += v;
      }
    }
    return nan + " " + s;
  }
}
