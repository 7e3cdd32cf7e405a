package dev.parjit.it.frames;

import dev.parjit.frame.Agg;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.JoinType;
import dev.parjit.frame.Series;

/**
 * DataFrame kernels. They carry no annotation: the tests mark them with the agent's
 * {@code jit=dev.parjit.it.frames.FrameKernels#*} option, so the same methods run in SPMD mode
 * (in place on every rank, REP returns) and in spawn mode (on the workers, results shipped back).
 */
public final class FrameKernels {

  private FrameKernels() { }

  /** The seed's {@code f(n, a)}: a frame over an array made in the method. */
  public static DataFrame seed(int n, double a) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + a;
    }
    return DataFrame.of("A", x);
  }

  /** The seed's {@code meanPowerSpeed}. */
  public static Series meanPowerSpeed(String path) {
    DataFrame df = DataFrame.readParquet(path);
    return df.select("power", "speed").mean();
  }

  /** A row loop over a column: parallel like an array loop. */
  public static double rowLoop(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series power = df.column("power");
    double s = 0;
    for (int i = 0; i < df.numRows(); i++) {
      // the nulls read as NaN are skipped, as pandas' sum skips them: a sum that meets a NaN is NaN, and a
      // spawn-mode call whose floating sum combines to NaN runs again on the driver (NonFiniteReductions)
      double v = power.getDouble(i);
      if (!Double.isNaN(v)) {
        s += v * 2;
      }
    }
    return s;
  }

  public static Series stats(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series p = df.column("power");
    return Series.of("stats", new double[] {p.sum(), p.mean(), p.min(), p.max(), p.std(), p.var(), p.count(),
        df.numRows()});
  }

  public static DataFrame describe(String path) {
    DataFrame df = DataFrame.readParquet(path).select("id", "power", "speed", "cadence");
    return DataFrame.builder().add("sum", df.sum()).add("count", df.count()).add("min", df.min())
        .add("max", df.max()).add("std", df.std()).build();
  }

  public static DataFrame filtered(String path, double limit) {
    DataFrame df = DataFrame.readParquet(path);
    return df.filter(df.column("power").gt(limit).and(df.column("zone").ne("z3")));
  }

  public static DataFrame headAndTail(String path, int k) {
    DataFrame df = DataFrame.readParquet(path);
    return DataFrame.concat(df.head(k), df.tail(k));
  }

  public static DataFrame groupMean(String path) {
    DataFrame df = DataFrame.readParquet(path);
    return df.select("zone", "power", "speed").groupBy("zone").mean();
  }

  public static DataFrame groupAgg(String path) {
    DataFrame df = DataFrame.readParquet(path);
    return df.groupBy("zone", "flag").agg(Agg.sum("power"), Agg.count("speed"), Agg.max("cadence"), Agg.std("speed"));
  }

  public static DataFrame sorted(String path) {
    DataFrame df = DataFrame.readParquet(path);
    return df.sortValues(false, "zone", "cadence").head(25);
  }

  /** A distributed frame joined with a small replicated one (a broadcast join). */
  public static DataFrame joinSmall(String path) {
    DataFrame df = DataFrame.readParquet(path);
    DataFrame zones = DataFrame.builder().add("zone", new String[] {"z0", "z1", "z2", "z9"})
        .add("weight", new double[] {1.5, 2.5, 3.5, 9.5}).build();
    return df.select("id", "zone", "power").merge(zones, JoinType.LEFT, "zone");
  }

  /** Two distributed frames joined by shuffling both sides. */
  public static DataFrame joinLarge(String path) {
    DataFrame df = DataFrame.readParquet(path);
    DataFrame left = df.select("id", "zone", "power").filter(df.column("power").gt(150));
    DataFrame right = df.select("zone", "cadence").filter(df.column("cadence").lt(61));
    return left.merge(right, "zone").sortValues("id", "cadence").head(40);
  }

  /** Writes one part file per rank, reads the directory back. */
  public static Series roundTrip(String path, String out) {
    DataFrame df = DataFrame.readParquet(path);
    df.filter(df.column("power").gt(100)).toParquet(out);
    return DataFrame.readParquet(out).select("power", "cadence").sum();
  }

  /**
   * A CSV file whose quoted fields span lines, read over the ranks' byte ranges: a range cut inside
   * such a field once took its second line for a record (one row too many, silently).
   */
  public static String csvQuotedLines(String path) {
    DataFrame df = DataFrame.readCsv(path);
    return df.numRows() + " " + df.select("c").sum() + "\n" + df.head(3) + "\n" + df.tail(3) + "\n"
        + df.groupBy("b").count().head(6);
  }

  public static Series csvMeans(String path) {
    DataFrame df = DataFrame.readCsv(path);
    return df.select("a", "b").mean();
  }

  /** Arithmetic between distributed columns, then a reduction. */
  public static double derived(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series work = df.column("power").mul(df.column("speed")).add(1.0);
    return df.withColumn("work", work).column("work").mean();
  }

  /** Elements by global index outside any loop: the owner broadcasts them. */
  public static String elements(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series zone = df.column("zone");
    Series power = df.column("power");
    int n = df.numRows();
    if (n == 0) {
      return "empty";
    }
    return zone.getString(0) + "/" + zone.getString(n - 1) + "/" + power.getDouble(n / 2) + "/" + power.isNull(n - 1);
  }

  /** A frame the caller holds, passed in: spawn mode sends each worker only its block of rows. */
  public static Series argumentFrame(DataFrame df, double limit) {
    DataFrame hot = df.filter(df.column("power").gt(limit));
    return hot.select("id", "power", "cadence").sum();
  }

  /** A series the caller holds, passed in: scattered like a frame. */
  public static double argumentSeries(Series speed) {
    return speed.mul(2.0).add(1.0).sum() + speed.max();
  }

  /**
   * A small left side joined with a large right one (an inner join): the left side is broadcast,
   * matches meet on the rank owning their left row, in left-then-right row order.
   */
  public static String joinSmallLeft(String path) {
    DataFrame df = DataFrame.readParquet(path);
    DataFrame few = df.filter(df.column("id").lt(40)).select("id", "cadence");
    DataFrame joined = few.merge(df.select("cadence", "speed", "zone"), "cadence");
    return joined.numRows() + " " + joined.column("speed").sum() + "\n" + joined.head(12) + "\n" + joined.tail(12);
  }

  /** A row loop over two columns of a sorted (1D_Var) frame, weighting values by their position. */
  public static String sortedPositions(String path) {
    DataFrame sorted = DataFrame.readParquet(path).sortValues("speed", "id");
    Series speed = sorted.column("speed");
    Series id = sorted.column("id");
    int n = sorted.numRows();
    double weighted = 0;
    long payload = 0;
    for (int i = 0; i < n; i++) {
      weighted += speed.getDouble(i) * (i % 100);
      payload += id.getLong(i) % 7 * (i % 13);
    }
    return n + " " + weighted + " " + payload;
  }

  /**
   * Whole orders of sorts by a float key with nulls (both directions), by a boolean key (ties only)
   * and by a string key with nulls then a float, descending: each a digest of the unique ids weighted
   * by position, so any other permutation shows.
   */
  public static String sortedOrders(String path) {
    DataFrame df = DataFrame.readParquet(path);
    DataFrame up = df.sortValues("power");
    Series upId = up.column("id");
    long upDigest = 0;
    for (int i = 0; i < up.numRows(); i++) {
      upDigest += upId.getLong(i) * (i % 1009 + 1);
    }
    DataFrame down = df.sortValues(false, "power");
    Series downId = down.column("id");
    long downDigest = 0;
    for (int i = 0; i < down.numRows(); i++) {
      downDigest += downId.getLong(i) * (i % 1009 + 1);
    }
    DataFrame ties = df.sortValues("flag");
    Series tiesId = ties.column("id");
    long tiesDigest = 0;
    for (int i = 0; i < ties.numRows(); i++) {
      tiesDigest += tiesId.getLong(i) * (i % 1009 + 1);
    }
    DataFrame strings = df.sortValues(false, "zone", "speed");
    Series stringsId = strings.column("id");
    long stringsDigest = 0;
    for (int i = 0; i < strings.numRows(); i++) {
      stringsDigest += stringsId.getLong(i) * (i % 1009 + 1);
    }
    return upDigest + " " + downDigest + " " + tiesDigest + " " + stringsDigest + "\n" + down.head(4) + "\n" + strings.tail(4);
  }

  /**
   * A row loop whose series variable takes one column or the other in each iteration: its reads
   * cannot use the placement checked before the loop, and find each series' rows as they go.
   */
  public static double alternatingColumns(String path) {
    DataFrame df = DataFrame.readParquet(path);
    Series speed = df.column("speed");
    Series id = df.column("id");
    Series s = speed;
    double total = 0;
    for (int i = 0; i < df.numRows(); i++) {
      s = i % 3 == 0 ? id : speed;
      total += s.getDouble(i) * (i % 7 + 1);
    }
    return total;
  }

  /** Points read once for an iterative pipeline: a lazy result in spawn mode. */
  public static DataFrame loadForSteps(String path) {
    return DataFrame.readParquet(path, "speed", "cadence", "power");
  }

  /**
   * One k-means-like step over a frame passed back in (spawn mode: as the id of the lazy result, no
   * rows move): a row loop with array reductions into per-cluster sums.
   */
  public static double[] centroidStep(DataFrame points, double[] centres) {
    Series speed = points.column("speed");
    Series cadence = points.column("cadence");
    int k = centres.length;
    double[] sums = new double[3 * k]; // speed sums, cadence sums, counts
    for (int i = 0; i < points.numRows(); i++) {
      double v = speed.getDouble(i);
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (Math.abs(v - centres[c]) < Math.abs(v - centres[best])) {
          best = c;
        }
      }
      sums[best] += v;
      sums[k + best] += cadence.getInt(i);
      sums[2 * k + best] += 1;
    }
    return sums;
  }

  /**
   * A filter consumed by an inner join on timestamps (integer keys spread too wide to address
   * directly: the hashed build), the distributed right side filtered too, then reductions.
   */
  public static String filterJoinWideKeys(String path) {
    DataFrame df = DataFrame.readParquet(path);
    DataFrame fast = df.filter(df.column("speed").gt(24));
    DataFrame dim = DataFrame.readParquet(path, "ts", "cadence");
    DataFrame joined = fast.merge(dim.filter(dim.column("cadence").lt(75)), "ts");
    double work = joined.column("speed").mul(joined.column("cadence_y")).sum();
    return joined.numRows() + " " + work + " " + joined.column("power").sum() + "\n" + joined.head(6) + "\n"
        + joined.tail(6);
  }

  /**
   * A projected filter consumed by a left join on dense int64 ids (the directly addressed build),
   * unmatched left rows kept with nulls.
   */
  public static String leftJoinDenseKeys(String path) {
    DataFrame df = DataFrame.readParquet(path);
    DataFrame strong = df.filter(df.column("power").gt(120)).select("id", "power", "zone");
    DataFrame right = DataFrame.readParquet(path, "id", "speed");
    DataFrame joined = strong.merge(right.filter(right.column("speed").lt(25)), JoinType.LEFT, "id");
    return joined.numRows() + " " + joined.column("speed").count() + " " + joined.column("speed").sum() + "\n"
        + joined.head(6) + "\n" + joined.tail(6);
  }

  /** Two integer keys, four aggregates, streamed (keys looked up directly): the bench's 3-key shape. */
  public static DataFrame groupIntegerKeys(String path) {
    return DataFrame.readParquet(path).groupBy("cadence", "id")
        .agg(Agg.sum("speed").as("ss"), Agg.mean("power").as("mp"), Agg.min("speed").as("ns"), Agg.max("power").as("xp"))
        .head(30);
  }

  /** A filter consumed by a group-by (only the columns grouped and aggregated are taken). */
  public static DataFrame filterGroup(String path) {
    DataFrame df = DataFrame.readParquet(path);
    return df.filter(df.column("speed").gt(22)).groupBy("cadence").agg(Agg.count("id").as("n"), Agg.mean("power").as("mp"));
  }

  /**
   * Negative counts: head(-k) keeps all but the last k rows, tail(-k) all but the first k, as the
   * sequential frame (the distributed head/tail once refused them in SPMD mode).
   */
  public static String negativeHeadTail(String path) {
    DataFrame df = DataFrame.readParquet(path);
    DataFrame most = df.head(-5);
    DataFrame rest = df.tail(-7);
    Series speed = df.column("speed");
    return most.numRows() + " " + most.select("id", "speed").sum() + "\n" + rest.numRows() + " " + rest.select("id").sum()
        + "\n" + df.head(Integer.MIN_VALUE).numRows() + " " + df.tail(-1000000).numRows() + " " + speed.head(-3).sum() + " "
        + speed.tail(-3).count() + "\n" + rest.head(3);
  }

  /**
   * A mask made from another filter of the same length, and a column of a sorted frame put beside
   * the unsorted one: the operands hold the same number of rows placed differently on the ranks, and
   * must be lined up by position as the sequential run does.
   */
  public static String misplacedOperands(String path) {
    DataFrame df = DataFrame.readParquet(path);
    int n = df.numRows();
    DataFrame low = df.filter(df.column("id").lt(n / 2));
    DataFrame high = df.filter(df.column("id").ge(n - n / 2));
    DataFrame picked = low.filter(high.column("speed").gt(24));
    DataFrame sorted = df.sortValues(false, "speed", "id");
    DataFrame beside = df.withColumn("sortedId", sorted.column("id")).select("id", "sortedId");
    Series gap = df.column("id").sub(sorted.column("id"));
    return picked.numRows() + " " + picked.select("id", "cadence").sum() + "\n" + beside.head(3) + "\n" + beside.tail(3)
        + "\n" + gap.sum() + " " + gap.max() + " " + gap.min();
  }

  /**
   * Longs whose sum wraps: the mean, std and var come from the exact sum (the same bits on any number
   * of ranks); the sum wraps as numpy's. Rank partials' wrapped sums once gave each rank count its own std.
   */
  public static String wrappingLongs(int n) {
    long[] z = new long[n];
    for (int i = 0; i < n; i++) {
      z[i] = i % 3 == 2 ? Long.MAX_VALUE - i : Long.MIN_VALUE + i;
    }
    DataFrame f = DataFrame.of("z", z);
    Series s = f.column("z");
    return f.sum() + "\n" + f.mean() + "\n" + f.std() + "\n" + s.var() + " " + s.mean() + " " + s.min() + " " + s.max();
  }

  /**
   * Keys pandas users trip over, over frames made in the method (1D_Block): NaN keys (dropped by the
   * group-by, never matched by a join, last in a sort), -0.0 beside 0.0 (one key: equal in groups,
   * joins and sort ties), duplicate keys on both sides of inner and left joins (row multiplicity and
   * left-then-right order), a descending sort with ties (stable), head/tail past the end, empty
   * and one-row reductions (mean NaN, std/var NaN with one row), counts skipping NaN, an int column
   * near its maximum summed.
   */
  public static String edgeKeys(int n) {
    double[] key = new double[n];
    long[] dup = new long[n];
    double[] v = new double[n];
    int[] big = new int[n];
    for (int i = 0; i < n; i++) {
      key[i] = i % 5 == 0 ? Double.NaN : i % 7 == 1 ? -0.0 : i % 7 == 2 ? 0.0 : i % 3;
      dup[i] = i % 3;
      v[i] = i % 4 == 3 ? Double.NaN : i;
      big[i] = Integer.MAX_VALUE - i;
    }
    DataFrame df = DataFrame.of("key", key).withColumn("dup", Series.of("dup", dup)).withColumn("v", Series.of("v", v))
        .withColumn("big", Series.of("big", big));
    DataFrame groups = df.groupBy("key").agg(Agg.count("v").as("c"), Agg.sum("v").as("s"), Agg.std("v").as("sd"));
    DataFrame sorted = df.sortValues(false, "key", "dup");
    DataFrame right = df.filter(df.column("dup").lt(2)).select("dup", "v");
    DataFrame inner = df.select("dup", "key").merge(right, "dup");
    DataFrame left = df.select("dup", "big").merge(right.head(3), JoinType.LEFT, "dup");
    DataFrame zeros = df.select("key", "dup").merge(df.filter(df.column("dup").eq(1)).select("key", "v"), "key");
    DataFrame none = df.filter(df.column("v").lt(-1));
    DataFrame one = df.head(1);
    return groups + "\n" + sorted.head(7) + "\n" + sorted.tail(3) + "\n" + inner.numRows() + " " + inner.column("v").sum()
        + "\n" + inner.head(5) + "\n" + inner.tail(4) + "\n" + left.numRows() + " " + left.column("v").count() + "\n"
        + left.tail(4) + "\n" + zeros.numRows() + " " + zeros.column("v").sum() + "\n" + zeros.head(6) + "\n" + none.mean()
        + "\n" + none.std() + "\n" + one.std() + "\n" + one.var() + "\n" + df.count() + "\n" + df.select("big", "dup").sum()
        + "\n" + df.column("big").sum() + " " + df.column("v").count() + " " + df.head(n + 5).numRows() + " "
        + df.tail(n + 5).numRows() + "\n" + df.head(0) + "\n" + df.tail(0) + "\n" + sorted.head(-2).tail(2);
  }

  /**
   * A summary of replicated values (a frame built from reductions) written, then read back in the
   * same method: the ranks hold the same frame, and it must be written once (rank 0); each rank
   * writing the same files at once let one rank's clearing remove what another was reading back.
   */
  public static String summaryWrittenOnce(String path, String out) {
    DataFrame df = DataFrame.readParquet(path).select("id", "speed", "cadence");
    DataFrame summary = DataFrame.builder().add("sum", df.sum()).add("count", df.count()).build();
    summary.toParquet(out);
    return DataFrame.readParquet(out).toString();
  }

  /**
   * A frame passed back in and written, then read back: spawn mode passes the lazy result (each
   * worker writes its part); SPMD mode passes it replicated to a method otherwise without
   * parallelism, which must still write once.
   */
  public static String writeLoaded(DataFrame points, String out) {
    points.toParquet(out);
    DataFrame back = DataFrame.readParquet(out);
    return back.numRows() + " " + back.select("speed", "cadence").sum();
  }

  /**
   * The same frame passed twice in one call, modified and reduced: joined with itself, concatenated
   * with itself, a column from one side put beside the other.
   */
  public static String sameTwice(DataFrame a, DataFrame b) {
    DataFrame both = DataFrame.concat(a, b);
    DataFrame joined = a.select("cadence", "speed").merge(b.select("cadence", "power").head(20), "cadence");
    DataFrame beside = a.withColumn("w", a.column("speed").mul(b.column("cadence")));
    return both.numRows() + " " + both.select("speed").sum() + " " + joined.numRows() + " " + joined.column("power").sum()
        + " " + beside.column("w").mean() + "\n" + both.tail(2);
  }

  /**
   * Frames over the method's own arrays concatenated (DataFrame.concat's varargs array): each rank
   * once concatenated its own chunks and called the result replicated, so the caller saw rank 0's
   * rows only, out of order. The frames are now gathered whole as they are stored into the array.
   */
  public static String concatOwnArrays(int n) {
    double[] x = new double[n];
    long[] y = new long[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 1.5;
      y[i] = -i;
    }
    DataFrame a = DataFrame.of("x", x).withColumn("y", Series.of("y", y));
    DataFrame late = a.filter(a.column("x").gt(n / 2));
    DataFrame none = a.filter(a.column("x").lt(-1));
    DataFrame r = DataFrame.concat(a, late, none, a.head(2));
    return r.numRows() + " " + r.sum() + "\n" + r.head(4) + "\n" + r.tail(4);
  }

  /**
   * Signed zeros tie in min and max: the sequential scan keeps the first of equal values, so a column
   * starting with -0.0 has max -0.0. Rank partials once met through Math.max, which answers 0.0. The
   * values are printed inside words so the differential comparison, which parses numbers, compares them
   * as text.
   */
  public static String signedZeroExtremes(int n) {
    double[] neg = new double[n];
    double[] pos = new double[n];
    for (int i = 0; i < n; i++) {
      neg[i] = i % 2 == 0 ? -0.0 : 0.0;
      pos[i] = i % 2 == 0 ? 0.0 : -0.0;
    }
    DataFrame df = DataFrame.of("neg", neg).withColumn("pos", Series.of("pos", pos));
    Series a = df.column("neg");
    Series b = df.column("pos");
    return "min:" + a.min() + " max:" + a.max() + " min:" + b.min() + " max:" + b.max() + "\n"
        + df.min().toString().replace(" ", "_") + "\n" + df.max().toString().replace(" ", "_");
  }

  /**
   * Frames over the method's own arrays handed to code Parjit does not follow: a builder, a list,
   * Objects.requireNonNull, an unmodelled frame method (slice), a helper method. Each once saw its
   * rank's chunk as the whole column (or, for slice in SPMD mode, failed with NoSuchMethodError); the
   * arrays now stay whole.
   */
  public static String frameEscapes(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    DataFrame df = DataFrame.of("x", x);
    DataFrame built = DataFrame.builder().add("d", df.column("x").mul(2.0)).build();
    DataFrame listed = DataFrame.fromSeries(java.util.List.of(df.column("x").rename("a")));
    DataFrame same = java.util.Objects.requireNonNull(DataFrame.of("x", x));
    DataFrame cut = df.slice(n / 3, n / 3);
    return built.numRows() + " " + built.sum() + " " + listed.numRows() + " " + listed.sum() + " " + same.numRows() + " "
        + same.sum() + " " + cut.numRows() + " " + cut.sum() + " " + FrameData.rowsOf(df.filter(df.column("x").gt(1))) + "\n"
        + built.tail(2) + "\n" + cut.tail(2);
  }

}
