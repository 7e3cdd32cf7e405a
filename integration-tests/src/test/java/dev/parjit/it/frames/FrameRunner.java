package dev.parjit.it.frames;

import dev.parjit.Parjit;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.dist.FrameCounters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs every frame kernel over the datasets of {@link FrameDifferentialTest} and prints
 * {@code RESULT <kernel> <dataset> <value>} lines (multi-line values with {@code \n} escaped).
 * Arguments: the data directory, and a scratch directory for written files.
 */
public final class FrameRunner {

  /** Datasets: several parts and row groups, fewer rows than ranks, none, and one row group (moved to blocks). */
  public static final List<String> DATASETS = List.of("full", "tiny", "empty", "onegroup");

  /** The rows of each of {@link #DATASETS}, in that order. */
  static final int[] DATASET_ROWS = {5003, 2, 0, 1201};

  /**
   * Row loops over distributed series that run once per row of each dataset in spawn mode: rowLoop,
   * sortedPositions, sortedOrders (four), alternatingColumns and the three steps of centroidSteps.
   */
  static final int ROW_LOOPS_PER_ROW = 10;

  /**
   * Of those, the ones over a frame a {@code @Jit} method returned (centroidSteps): lazy, so still
   * distributed, in spawn mode; replicated in SPMD mode, where returns are REP unless named in
   * {@code distributed}, so their loops read no distributed series there.
   */
  static final int ROW_LOOPS_OVER_RETURNED_FRAMES = 3;

  /** Every dataset {@link #DATASETS} names, and the CSV table, into {@code dir}. */
  public static void writeDatasets(Path dir) throws java.io.IOException {
    FrameData.write(FrameData.table(DATASET_ROWS[0]), dir.resolve("full"), 3, 400);
    FrameData.write(FrameData.table(DATASET_ROWS[1]), dir.resolve("tiny"), 1, 1);
    FrameData.write(FrameData.table(DATASET_ROWS[2]), dir.resolve("empty"), 1, 1);
    FrameData.write(FrameData.table(DATASET_ROWS[3]), dir.resolve("onegroup"), 1, DATASET_ROWS[3]);
    FrameData.csv(dir.resolve("table.csv"), 1001);
    FrameData.quotedLinesCsv(dir.resolve("quoted.csv"), 60);
  }

  private FrameRunner() { }

  public static List<String> results(Path data, Path scratch) {
    List<String> out = new ArrayList<>();
    out.add(line("seed", "n8a1", () -> FrameKernels.seed(8, 1).head(3)));
    out.add(line("seed", "n8a2", () -> FrameKernels.seed(8, 2).head(3)));
    out.add(line("seed", "n8a2.2", () -> FrameKernels.seed(8, 2.2).head(3)));
    out.add(line("seed", "n0", () -> FrameKernels.seed(0, 1)));
    out.add(line("seed", "n3", () -> FrameKernels.seed(3, 0.5)));
    for (int n : new int[] {0, 1, 2, 3, 5, 17}) {
      out.add(line("wrappingLongs", "n" + n, () -> FrameKernels.wrappingLongs(n)));
    }
    for (int n : new int[] {0, 1, 2, 3, 4, 5, 17, 60}) {
      out.add(line("edgeKeys", "n" + n, () -> FrameKernels.edgeKeys(n)));
    }
    for (int n : new int[] {0, 1, 2, 3, 5, 17, 60}) {
      out.add(line("concatOwnArrays", "n" + n, () -> FrameKernels.concatOwnArrays(n)));
      out.add(line("signedZeroExtremes", "n" + n, () -> FrameKernels.signedZeroExtremes(n)));
      out.add(line("frameEscapes", "n" + n, () -> FrameKernels.frameEscapes(n)));
    }
    for (String d : DATASETS) {
      String p = data.resolve(d).toString();
      out.add(line("meanPowerSpeed", d, () -> FrameKernels.meanPowerSpeed(p)));
      out.add(line("rowLoop", d, () -> FrameKernels.rowLoop(p)));
      out.add(line("stats", d, () -> FrameKernels.stats(p)));
      out.add(line("describe", d, () -> FrameKernels.describe(p)));
      out.add(line("filtered", d, () -> FrameKernels.filtered(p, 120)));
      out.add(line("headAndTail", d, () -> FrameKernels.headAndTail(p, 3)));
      out.add(line("groupMean", d, () -> FrameKernels.groupMean(p)));
      out.add(line("groupAgg", d, () -> FrameKernels.groupAgg(p)));
      out.add(line("sorted", d, () -> FrameKernels.sorted(p)));
      out.add(line("sortedPositions", d, () -> FrameKernels.sortedPositions(p)));
      out.add(line("sortedOrders", d, () -> FrameKernels.sortedOrders(p)));
      out.add(line("joinSmall", d, () -> FrameKernels.joinSmall(p)));
      out.add(line("joinLarge", d, () -> FrameKernels.joinLarge(p)));
      out.add(line("joinSmallLeft", d, () -> FrameKernels.joinSmallLeft(p)));
      out.add(line("filterJoinWideKeys", d, () -> FrameKernels.filterJoinWideKeys(p)));
      out.add(line("leftJoinDenseKeys", d, () -> FrameKernels.leftJoinDenseKeys(p)));
      out.add(line("groupIntegerKeys", d, () -> FrameKernels.groupIntegerKeys(p)));
      out.add(line("filterGroup", d, () -> FrameKernels.filterGroup(p)));
      out.add(line("roundTrip", d, () -> FrameKernels.roundTrip(p, scratch.resolve("out-" + d).toString())));
      out.add(line("derived", d, () -> FrameKernels.derived(p)));
      out.add(line("elements", d, () -> FrameKernels.elements(p)));
      out.add(line("centroidSteps", d, () -> centroidSteps(p)));
      out.add(line("summaryWrittenOnce", d, () -> FrameKernels.summaryWrittenOnce(p, scratch.resolve("summary-" + d).toString())));
      out.add(line("lazyPipeline", d, () -> lazyPipeline(p, scratch.resolve("loaded-" + d).toString())));
      out.add(line("alternatingColumns", d, () -> FrameKernels.alternatingColumns(p)));
      out.add(line("negativeHeadTail", d, () -> FrameKernels.negativeHeadTail(p)));
      out.add(line("misplacedOperands", d, () -> FrameKernels.misplacedOperands(p)));
      DataFrame held = DataFrame.readParquet(p); // read here, outside any @Jit method: the caller's frame
      out.add(line("argumentFrame", d, () -> FrameKernels.argumentFrame(held, 120)));
      out.add(line("argumentSeries", d, () -> FrameKernels.argumentSeries(held.column("speed"))));
    }
    out.add(line("csvMeans", "csv", () -> FrameKernels.csvMeans(data.resolve("table.csv").toString())));
    out.add(line("csvQuotedLines", "csv", () -> FrameKernels.csvQuotedLines(data.resolve("quoted.csv").toString())));
    return out;
  }

  /**
   * A loaded frame (lazy in spawn mode) read before and after other calls, written by a call and
   * read back there, passed twice to one call, concatenated here with a frame of this process, and
   * dropped.
   */
  private static String lazyPipeline(String path, String out) {
    DataFrame points = FrameKernels.loadForSteps(path);
    String before = points.head(2) + "\n" + points.tail(1);
    String written = FrameKernels.writeLoaded(points, out);
    // Runs on the driver (concat of frame arguments is not distributed): it fetches the rows, so a
    // later call would send them back to the workers; the tests count rows sent that way.
    String twice = FrameKernels.sameTwice(points, points);
    DataFrame mine = DataFrame.builder().add("speed", new double[] {1.5}).add("cadence", new int[] {7})
        .add("power", new double[] {2.5}).build();
    DataFrame joined = DataFrame.concat(points, mine);
    String after = points.head(2) + " " + joined.numRows() + " " + joined.tail(2) + " " + joined.select("speed").sum();
    points.close();
    return before + "\n" + twice + "\n" + written + "\n" + after;
  }

  /** Three steps over one loaded frame, the centres moved to each cluster's mean speed. */
  private static String centroidSteps(String path) {
    DataFrame points = FrameKernels.loadForSteps(path);
    double[] centres = {20, 24, 28};
    StringBuilder sb = new StringBuilder();
    for (int step = 0; step < 3; step++) {
      double[] sums = FrameKernels.centroidStep(points, centres);
      sb.append(java.util.Arrays.toString(sums)).append(' ');
      for (int c = 0; c < centres.length; c++) {
        double count = sums[2 * centres.length + c];
        centres[c] = count == 0 ? centres[c] : sums[c] / count;
      }
    }
    return sb.toString().trim();
  }

  private static String line(String kernel, String dataset, Supplier<Object> value) {
    String text;
    try {
      text = String.valueOf(value.get());
    } catch (RuntimeException e) {
      text = "ERROR " + e;
    }
    return "RESULT " + kernel + " " + dataset + " " + text.replace("\n", "\\n");
  }

  /**
   * Prints the results, then {@code STAT name value} for the job's counters as the driver sees them
   * (spawn mode: per worker) and {@code COUNTER name value} for this rank's distributed frame paths
   * (SPMD mode), so the tests can check that distributed paths ran distributed.
   */
  public static void main(String[] args) {
    results(Path.of(args[0]), Path.of(args[1])).forEach(System.out::println);
    Parjit.stats().forEach((k, v) -> System.out.println("STAT " + k + " " + v));
    FrameCounters.snapshot().forEach((k, v) -> System.out.println("COUNTER " + k + " " + v));
  }
}
