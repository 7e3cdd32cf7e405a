package dev.parjit.it.frames;

import dev.parjit.Jit;
import dev.parjit.frame.DataFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * SPMD: one part file of a dataset has corrupt pages, so only the rank whose row groups lie there
 * fails while reading. Every rank must raise the sequential exception, and the calls after it must
 * give the sequential answers (no rank left in a collective, the communicator in step). Argument: a
 * directory holding {@code corrupt} and {@code full}.
 */
public final class CorruptPageMain {

  private CorruptPageMain() { }

  @Jit(spawn = false)
  public static double meanOf(String path, String column) {
    DataFrame df = DataFrame.readParquet(path);
    return df.select(column).mean().getDouble(0);
  }

  /** What every rank prints: the caught exception, then five good answers. */
  public static List<String> results(String dir) {
    List<String> out = new ArrayList<>();
    try {
      out.add("OK " + meanOf(dir + "/corrupt", "power"));
    } catch (RuntimeException e) {
      out.add("CAUGHT " + e.getClass().getName() + ": " + e.getMessage());
    }
    for (int k = 0; k < 5; k++) {
      out.add("GOOD " + meanOf(dir + "/full", k % 2 == 0 ? "speed" : "power"));
    }
    return out;
  }

  public static void main(String[] args) {
    results(args[0]).forEach(System.out::println);
  }
}
