package dev.parjit.it.agent;

import dev.parjit.Jit;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;

/** {@code ParquetMeanMain <dir>}: the cold Parquet query of the benchmark, once: {@code MEAN a b}. */
public final class ParquetMeanMain {

  private ParquetMeanMain() { }

  @Jit
  static Series mean(String path) {
    return DataFrame.readParquet(path, "a", "b").mean();
  }

  public static void main(String[] args) {
    try (Series m = mean(args[0])) {
      System.out.println("MEAN " + m.getDouble(0) + " " + m.getDouble(1));
    }
  }
}
