package dev.parjit.it.frames;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import java.util.Arrays;

/**
 * Arrays sized by a frame's row count and written in a row loop over that frame: in a parallel run
 * each rank's part of the array must sit where its rows of the frame sit, also when a Parquet read
 * gives ranks uneven shares of rows (row groups) or a filter keeps uneven counts. Marked by pattern
 * ({@link PlacedArrayTest#JIT}).
 */
public final class PlacedArrayKernels {

  private PlacedArrayKernels() { }

  /** The array returned to the caller, gathered in order. */
  public static double[] scaled(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.column("speed");
    double[] out = new double[df.numRows()];
    for (int i = 0; i < df.numRows(); i++) {
      out[i] = speed.getDouble(i) * 2 + i;
    }
    return out;
  }

  /** Whole-array uses after the row loop: its length, a reduction over it, another loop over the frame. */
  public static String usedAfter(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.column("speed");
    Series id = df.column("id");
    int n = df.numRows();
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = speed.getDouble(i) * (i % 7);
    }
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i];
    }
    long t = 0;
    for (int i = 0; i < df.numRows(); i++) {
      t += (long) w[i] * id.getLong(i);
    }
    return w.length + " " + s + " " + t;
  }

  /** A filter's result (uneven counts per rank) sizes the array; the array is returned. */
  public static double[] filtered(String path, double limit) {
    DataFrame df = DataFrame.readParquet(path);
    DataFrame fast = df.filter(df.column("speed").gt(limit));
    Series speed = fast.column("speed");
    double[] excess = new double[fast.numRows()];
    for (int i = 0; i < fast.numRows(); i++) {
      excess[i] = speed.getDouble(i) - limit;
    }
    return excess;
  }

  /** A series' size sizes the array; a maximum over it follows. */
  public static String seriesSized(String path, double limit) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.filter(df.column("speed").le(limit)).column("speed");
    double[] a = new double[speed.size()];
    for (int i = 0; i < speed.size(); i++) {
      a[i] = speed.getDouble(i) * i;
    }
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, a[i]);
    }
    return a.length + " " + m;
  }

  /** The array printed: code Parjit does not model reads it whole. */
  public static int printed(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.column("speed");
    double[] a = new double[df.numRows()];
    for (int i = 0; i < df.numRows(); i++) {
      a[i] = speed.getDouble(i) + 1;
    }
    System.out.println("printed " + Arrays.toString(a));
    return a.length;
  }

  /** The array passed to another compiled method. */
  public static double passed(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.column("speed");
    double[] a = new double[df.numRows()];
    for (int i = 0; i < df.numRows(); i++) {
      a[i] = speed.getDouble(i) * 3;
    }
    return total(a);
  }

  /** Sums an array (compiled too). */
  public static double total(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * (i + 1);
    }
    return s;
  }

  /** A CSV read splits its lines over the ranks: the array takes those rows' placement too. */
  public static double[] csvScaled(String path) {
    DataFrame df = DataFrame.readCsv(path);
    Series b = df.column("b");
    double[] out = new double[df.numRows()];
    for (int i = 0; i < df.numRows(); i++) {
      out[i] = b.getDouble(i) * 3 - i;
    }
    return out;
  }

  /** One more element than the frame has rows: not the frame's placement. */
  public static double[] sizedPlusOne(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.column("speed");
    double[] a = new double[df.numRows() + 1];
    for (int i = 0; i < df.numRows(); i++) {
      a[i] = speed.getDouble(i);
    }
    return a;
  }
}
