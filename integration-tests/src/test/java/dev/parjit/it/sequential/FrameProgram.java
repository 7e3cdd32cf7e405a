package dev.parjit.it.sequential;

import dev.parjit.Jit;
import dev.parjit.frame.DataFrame;
import java.nio.file.Files;
import java.nio.file.Path;

/** A user's program with frames and Parquet (snappy-compressed). */
public final class FrameProgram {

  private FrameProgram() { }

  @Jit
  static DataFrame frame(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 0.5;
    }
    return DataFrame.of("A", x);
  }

  /** Reads the (snappy-compressed) file: on the workers in spawn mode. */
  @Jit
  static dev.parjit.frame.Series total(String path) {
    return DataFrame.readParquet(path).sum();
  }

  public static void main(String[] args) throws Exception {
    DataFrame df = frame(5);
    System.out.println(df);
    Path dir = Files.createTempDirectory("parjit-sequential");
    try {
      df.toParquet(dir.toString());
      System.out.println(total(dir.toString()));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
