package dev.parjit.analysis.targets;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;

/** DataFrame pipelines whose diagnostics are checked against golden text. */
public final class FrameTargets {

  /** Frames stored here escape the analysis. */
  public static DataFrame last;

  private FrameTargets() { }

  public static Series meanPowerSpeed(String path) {
    DataFrame df = DataFrame.readParquet(path);
    return df.select("power", "speed").mean();
  }

  public static DataFrame hardEfforts(String path, double limit) {
    DataFrame df = DataFrame.readParquet(path);
    DataFrame hard = df.filter(df.column("power").gt(limit));
    DataFrame byZone = hard.groupBy("zone").mean();
    return byZone.sortValues("zone");
  }

  public static double rowLoop(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series power = df.column("power");
    double s = 0;
    for (int i = 0; i < df.numRows(); i++) {
      s += power.getDouble(i);
    }
    return s / df.numRows();
  }

  public static double escapes(String path) {
    DataFrame df = DataFrame.readParquet(path);
    last = df;
    double m = df.column("power").mean();
    return m;
  }
}
