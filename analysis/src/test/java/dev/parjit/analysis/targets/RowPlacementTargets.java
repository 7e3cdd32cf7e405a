package dev.parjit.analysis.targets;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;

/** Arrays written in row loops over frames, sized by the frame's row count or otherwise. */
public final class RowPlacementTargets {

  private RowPlacementTargets() { }

  public static double[] byNumRows(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.column("speed");
    double[] out = new double[df.numRows()];
    for (int i = 0; i < df.numRows(); i++) {
      out[i] = speed.getDouble(i) * 2;
    }
    return out;
  }

  public static double throughLocal(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.column("speed");
    int n = df.numRows();
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = (long) speed.getDouble(i);
    }
    double s = 0;
    for (int i = 0; i < out.length; i++) {
      s += out[i];
    }
    return s;
  }

  public static double[] bySeriesSize(String path, double limit) {
    DataFrame df = DataFrame.readParquet(path);
    Series fast = df.filter(df.column("speed").gt(limit)).column("speed");
    double[] out = new double[fast.size()];
    for (int i = 0; i < fast.size(); i++) {
      out[i] = fast.getDouble(i) - limit;
    }
    return out;
  }

  public static double[] plusOne(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.column("speed");
    double[] out = new double[df.numRows() + 1];
    for (int i = 0; i < df.numRows(); i++) {
      out[i] = speed.getDouble(i);
    }
    return out;
  }

  public static double[] byParameter(String path, int n) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.column("speed");
    double[] out = new double[n];
    for (int i = 0; i < df.numRows(); i++) {
      out[i] = speed.getDouble(i);
    }
    return out;
  }

  public static double[] blockFrameArgument(DataFrame df, int n) {
    Series speed = df.column("speed");
    double[] out = new double[n];
    for (int i = 0; i < df.numRows(); i++) {
      out[i] = speed.getDouble(i);
    }
    return out;
  }
}
