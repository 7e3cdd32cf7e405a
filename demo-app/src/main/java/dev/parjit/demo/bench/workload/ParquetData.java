package dev.parjit.demo.bench.workload;

import dev.parjit.demo.bench.MonteCarlo;
import dev.parjit.frame.Series;
import dev.parjit.frame.io.parquet.ParquetColumnWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Deterministic benchmark inputs written once as Parquet (SNAPPY, 1M-row row groups) into a
 * directory of part files, reused while the directory exists. A directory appears only when
 * complete (written under a temporary name, then renamed).
 */
final class ParquetData {
  /** Rows per row group. */
  static final int ROW_GROUP = 1_000_000;
  /** Rows per part file (5 row groups). */
  static final int PART_ROWS = 5 * ROW_GROUP;

  /** Fills one part's columns: {@code first} is the global index of the part's first row. */
  interface PartMaker {
    List<Series> make(long first, int rows);
  }

  private ParquetData() { }

  /** A uniform double in [0, 1) from the row index and a column seed. */
  static double uniform(long row, long seed) {
    return (MonteCarlo.splitmix64(row * 0x632BE59BD9B4E019L + seed) >>> 11) * 0x1.0p-53;
  }

  /** A key in [0, keys) from the row index and a seed. */
  static long key(long row, long seed, long keys) {
    return Long.remainderUnsigned(MonteCarlo.splitmix64(row ^ (seed * 0x9E3779B97F4A7C15L)), keys);
  }

  /** Writes {@code rows} rows into {@code dir} unless it exists. */
  static void ensure(Path dir, long rows, PartMaker maker, Consumer<String> progress) {
    if (Files.isDirectory(dir)) {
      return;
    }
    long t0 = System.nanoTime();
    progress.accept("generating " + dir.getFileName() + " (" + rows + " rows)...");
    Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
    try {
      deleteTree(tmp);
      Files.createDirectories(tmp);
      int part = 0;
      for (long first = 0; first < rows || part == 0; first += PART_ROWS, part++) {
        int n = (int) Math.min(PART_ROWS, rows - first);
        List<Series> cols = maker.make(first, n);
        List<org.apache.arrow.vector.FieldVector> vectors = new ArrayList<>();
        for (Series s : cols) {
          vectors.add(s.arrowVector());
        }
        ParquetColumnWriter.write(vectors, tmp.resolve(String.format("part-%05d.parquet", part)),
            CompressionCodecName.SNAPPY, ROW_GROUP);
        cols.forEach(Series::close);
      }
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write benchmark data " + dir, e);
    }
    progress.accept(String.format("generated %s in %.1f s", dir.getFileName(), (System.nanoTime() - t0) / 1e9));
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /** {@code n} uniform doubles for rows {@code first..first+n-1}. */
  static double[] uniforms(long first, int n, long seed) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = uniform(first + i, seed);
    }
    return v;
  }

  /** {@code n} keys in [0, keys) for rows {@code first..first+n-1}. */
  static long[] keys(long first, int n, long seed, long keys) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = key(first + i, seed, keys);
    }
    return v;
  }
}
