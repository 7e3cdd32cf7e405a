package dev.parjit.it.frames;

import dev.parjit.Parjit;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.dist.FrameCounters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs {@link PlacedArrayKernels} over the datasets {@link #writeDatasets} writes and prints
 * {@code RESULT <kernel> <dataset> <value>} lines, then {@code STAT name value} for the job's counters
 * as the driver sees them (spawn mode: per worker) and {@code COUNTER name value} for this rank's
 * (SPMD mode). Argument: the data directory.
 */
public final class PlacedArrayRunner {

  /** Uneven part files and row groups; fewer rows than ranks; none. */
  static final List<String> DATASETS = List.of("uneven", "tiny", "empty");

  private PlacedArrayRunner() { }

  /** {@code uneven}: 37 rows in parts of 5, 20 and 12 rows with row groups of 5, 7 and 12. */
  static void writeDatasets(Path dir) throws java.io.IOException {
    DataFrame all = FrameData.table(37);
    Path uneven = dir.resolve("uneven");
    FrameData.write(all.slice(0, 5), uneven.resolve("a"), 1, 5);
    FrameData.write(all.slice(5, 20), uneven.resolve("b"), 1, 7);
    FrameData.write(all.slice(25, 12), uneven.resolve("c"), 1, 12);
    // one directory of part files, in order
    int k = 0;
    for (String sub : List.of("a", "b", "c")) {
      java.nio.file.Files.move(uneven.resolve(sub).resolve("part-00000.parquet"),
          uneven.resolve(String.format("part-%05d.parquet", k++)));
      java.nio.file.Files.delete(uneven.resolve(sub));
    }
    FrameData.write(FrameData.table(2), dir.resolve("tiny"), 1, 1);
    FrameData.write(FrameData.table(0), dir.resolve("empty"), 1, 1);
    FrameData.csv(dir.resolve("table.csv"), CSV_ROWS);
  }

  /** Lines of the CSV table. */
  static final int CSV_ROWS = 37;

  static List<String> results(Path data) {
    List<String> out = new ArrayList<>();
    for (String d : DATASETS) {
      String p = data.resolve(d).toString();
      out.add(line("scaled", d, () -> Arrays.toString(PlacedArrayKernels.scaled(p))));
      out.add(line("usedAfter", d, () -> PlacedArrayKernels.usedAfter(p)));
      out.add(line("filtered", d, () -> Arrays.toString(PlacedArrayKernels.filtered(p, 24))));
      out.add(line("seriesSized", d, () -> PlacedArrayKernels.seriesSized(p, 24)));
      out.add(line("printed", d, () -> PlacedArrayKernels.printed(p)));
      out.add(line("passed", d, () -> PlacedArrayKernels.passed(p)));
      out.add(line("sizedPlusOne", d, () -> Arrays.toString(PlacedArrayKernels.sizedPlusOne(p))));
    }
    out.add(line("csvScaled", "csv", () -> Arrays.toString(PlacedArrayKernels.csvScaled(data.resolve("table.csv").toString()))));
    return out;
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

  public static void main(String[] args) throws Exception {
    for (String l : results(Path.of(args[0]))) {
      System.out.println(l);
    }
    Parjit.stats().forEach((k, v) -> System.out.println("STAT " + k + " " + v));
    FrameCounters.snapshot().forEach((k, v) -> System.out.println("COUNTER " + k + " " + v));
  }
}
