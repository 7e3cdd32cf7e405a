package dev.parjit.frame.kernel;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Per-group aggregation in three steps, so that a distributed groupBy can stop in the middle:
 * {@link #partial} summarises input rows into one row of partial columns per group,
 * {@link #merge} combines partial rows (from several ranks) that belong to the same group, and
 * {@link #finish} turns partial columns into the aggregate. Sequential groupBy is
 * {@code finish(partial(...))}, so merged partials give the same answer.
 *
 * <p>Partial columns per aggregate (named {@code <output>$<suffix>}):
 * SUM → {@code sum} (int64 for integral input, else float64); COUNT → {@code count} (int64);
 * MEAN → {@code sum} (float64), {@code count}; MIN/MAX → {@code min}/{@code max} (input dtype,
 * null for an empty group); STD/VAR → {@code count}, {@code mean}, {@code m2} (Chan's merge).
 * Rows with code -1 are ignored.
 */
public final class GroupAggregator {
  private GroupAggregator() {}

  /** Suffixes of the partial columns of an aggregate, in column order. */
  public static List<String> partialSuffixes(Agg.Kind k) {
    switch (k) {
      case SUM: return List.of("sum");
      case COUNT: return List.of("count");
      case MEAN: return List.of("sum", "count");
      case MIN: return List.of("min");
      case MAX: return List.of("max");
      default: return List.of("count", "mean", "m2");
    }
  }

  /** Name of a partial column. */
  public static String partialName(String output, String suffix) {
    return output + "$" + suffix;
  }

  /** Rejects input dtypes an aggregate cannot take, naming the column. */
  public static void checkInput(Agg.Kind k, DType t, String column) {
    boolean ok;
    switch (k) {
      case COUNT: ok = true; break;
      case MIN: case MAX: ok = t != DType.STRING; break;
      default: ok = t.isNumeric();
    }
    if (!ok) {
      throw new IllegalArgumentException("cannot aggregate column '" + column + "' of dtype " + t.pandasName() + " with " + k.suffix());
    }
  }

  /** Partial columns of {@code in} grouped by {@code codes}. */
  public static List<FieldVector> partial(Agg.Kind k, FieldVector in, int[] codes, int groups, String out) {
    checkInput(k, DType.of(in), in.getName());
    List<FieldVector> r = new ArrayList<>();
    switch (k) {
      case SUM:
        r.add(sum(in, codes, groups, partialName(out, "sum"), DType.of(in).isIntegral()));
        break;
      case COUNT:
        r.add(Vectors.ofLongs(DType.INT64, partialName(out, "count"), count(in, codes, groups), null));
        break;
      case MEAN:
        r.add(sum(in, codes, groups, partialName(out, "sum"), false));
        r.add(Vectors.ofLongs(DType.INT64, partialName(out, "count"), count(in, codes, groups), null));
        break;
      case MIN: case MAX:
        r.add(extreme(in, codes, groups, partialName(out, k.suffix()), k == Agg.Kind.MAX));
        break;
      default:
        moments(in, codes, groups, out, r);
    }
    return r;
  }

  /** Combines partial rows of the same group (the partial columns of one aggregate). */
  public static List<FieldVector> merge(Agg.Kind k, List<FieldVector> parts, int[] codes, int groups, String out) {
    List<FieldVector> r = new ArrayList<>();
    switch (k) {
      case SUM:
        r.add(sum(parts.get(0), codes, groups, partialName(out, "sum"), DType.of(parts.get(0)).isIntegral()));
        break;
      case COUNT:
        r.add(sum(parts.get(0), codes, groups, partialName(out, "count"), true));
        break;
      case MEAN:
        r.add(sum(parts.get(0), codes, groups, partialName(out, "sum"), false));
        r.add(sum(parts.get(1), codes, groups, partialName(out, "count"), true));
        break;
      case MIN: case MAX:
        r.add(extreme(parts.get(0), codes, groups, partialName(out, k.suffix()), k == Agg.Kind.MAX));
        break;
      default:
        mergeMoments(parts, codes, groups, out, r);
    }
    return r;
  }

  /** The aggregate column (one row per group) from its partial columns. */
  public static FieldVector finish(Agg.Kind k, List<FieldVector> parts, String out) {
    FieldVector p0 = parts.get(0);
    int n = p0.getValueCount();
    switch (k) {
      case SUM: case COUNT: case MIN: case MAX:
        return Vectors.view(p0, out, 0, n);
      case MEAN: {
        double[] s = Vectors.doubles(p0);
        long[] c = Vectors.longs(parts.get(1));
        double[] r = new double[n];
        for (int g = 0; g < n; g++) r[g] = c[g] == 0 ? Double.NaN : s[g] / c[g];
        return Vectors.ofDoubles(out, r, null);
      }
      default: {
        long[] c = Vectors.longs(p0);
        double[] m2 = Vectors.doubles(parts.get(2));
        double[] r = new double[n];
        for (int g = 0; g < n; g++) {
          double var = c[g] < 2 ? Double.NaN : m2[g] / (c[g] - 1);
          r[g] = k == Agg.Kind.STD ? Math.sqrt(var) : var;
        }
        return Vectors.ofDoubles(out, r, null);
      }
    }
  }

  // ---- per-group kernels -----------------------------------------------------------------------

  private static FieldVector sum(FieldVector in, int[] codes, int groups, String name, boolean integral) {
    if (integral) {
      long[] x = Vectors.longs(in); // nulls read as 0: neutral for a sum
      long[] acc = new long[groups];
      for (int i = 0; i < x.length; i++) if (codes[i] >= 0) acc[codes[i]] += x[i];
      return Vectors.ofLongs(DType.INT64, name, acc, null);
    }
    double[] x = Vectors.doubles(in);
    double[] acc = new double[groups];
    for (int i = 0; i < x.length; i++) if (codes[i] >= 0 && x[i] == x[i]) acc[codes[i]] += x[i];
    return Vectors.ofDoubles(name, acc, null);
  }

  private static long[] count(FieldVector in, int[] codes, int groups) {
    long[] acc = new long[groups];
    int n = in.getValueCount();
    boolean[] valid = Vectors.validity(in);
    double[] x = DType.of(in) == DType.FLOAT64 ? Vectors.doubles(in) : null;
    for (int i = 0; i < n; i++) {
      int g = codes[i];
      if (g < 0 || (valid != null && !valid[i]) || (x != null && x[i] != x[i])) continue;
      acc[g]++;
    }
    return acc;
  }

  private static FieldVector extreme(FieldVector in, int[] codes, int groups, String name, boolean max) {
    DType t = DType.of(in);
    boolean[] seen = new boolean[groups];
    boolean[] valid = Vectors.validity(in);
    int n = in.getValueCount();
    if (t == DType.FLOAT64) {
      double[] x = Vectors.doubles(in);
      double[] acc = new double[groups];
      for (int i = 0; i < n; i++) {
        int g = codes[i];
        double v = x[i];
        if (g < 0 || v != v) continue;
        if (!seen[g] || (max ? v > acc[g] : v < acc[g])) acc[g] = v;
        seen[g] = true;
      }
      return Vectors.ofDoubles(name, acc, allTrue(seen) ? null : seen);
    }
    long[] x = Vectors.longs(in);
    long[] acc = new long[groups];
    for (int i = 0; i < n; i++) {
      int g = codes[i];
      if (g < 0 || (valid != null && !valid[i])) continue;
      long v = x[i];
      if (!seen[g] || (max ? v > acc[g] : v < acc[g])) acc[g] = v;
      seen[g] = true;
    }
    return Vectors.ofLongs(t, name, acc, allTrue(seen) ? null : seen);
  }

  private static void moments(FieldVector in, int[] codes, int groups, String out, List<FieldVector> r) {
    double[] x = Vectors.doubles(in);
    long[] c = new long[groups];
    double[] mean = new double[groups];
    for (int i = 0; i < x.length; i++) {
      int g = codes[i];
      if (g < 0 || x[i] != x[i]) continue;
      c[g]++;
      mean[g] += x[i];
    }
    for (int g = 0; g < groups; g++) mean[g] = c[g] == 0 ? 0 : mean[g] / c[g];
    double[] m2 = new double[groups];
    for (int i = 0; i < x.length; i++) {
      int g = codes[i];
      if (g < 0 || x[i] != x[i]) continue;
      double d = x[i] - mean[g];
      m2[g] += d * d;
    }
    addMoments(out, c, mean, m2, r);
  }

  private static void mergeMoments(List<FieldVector> parts, int[] codes, int groups, String out, List<FieldVector> r) {
    long[] pc = Vectors.longs(parts.get(0));
    double[] pm = Vectors.doubles(parts.get(1));
    double[] p2 = Vectors.doubles(parts.get(2));
    long[] c = new long[groups];
    double[] mean = new double[groups];
    double[] m2 = new double[groups];
    for (int i = 0; i < pc.length; i++) {
      int g = codes[i];
      long nb = pc[i];
      if (g < 0 || nb == 0) continue;
      long na = c[g];
      if (na == 0) {
        c[g] = nb;
        mean[g] = pm[i];
        m2[g] = p2[i];
        continue;
      }
      long n = na + nb;
      double delta = pm[i] - mean[g];
      mean[g] += delta * nb / n;
      m2[g] += p2[i] + delta * delta * ((double) na * nb / n);
      c[g] = n;
    }
    addMoments(out, c, mean, m2, r);
  }

  private static void addMoments(String out, long[] c, double[] mean, double[] m2, List<FieldVector> r) {
    r.add(Vectors.ofLongs(DType.INT64, partialName(out, "count"), c, null));
    r.add(Vectors.ofDoubles(partialName(out, "mean"), mean, null));
    r.add(Vectors.ofDoubles(partialName(out, "m2"), m2, null));
  }

  private static boolean allTrue(boolean[] b) {
    for (boolean x : b) if (!x) return false;
    return true;
  }
}
