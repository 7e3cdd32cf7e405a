package dev.parjit.frame.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.FrameMemory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code readParquet(p).select(...)} decodes only the selected columns. */
class ProjectionTest {

  @TempDir
  Path dir;

  @Test
  void onlyTheColumnsUsedAreDecoded() {
    int n = 200_000;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
      b[i] = 2 * i;
      c[i] = 3 * i;
    }
    DataFrame.builder().add("a", a).add("b", b).add("c", c).build().toParquet(dir.toString());
    long before = FrameMemory.allocatedBytes();
    DataFrame df = DataFrame.readParquet(dir.toString());
    assertEquals(n, df.numRows());
    assertEquals(java.util.List.of("a", "b", "c"), df.columns());
    long afterOpen = FrameMemory.allocatedBytes();
    assertTrue(afterOpen - before < 8L * n / 2, "opening decodes nothing: " + (afterOpen - before));
    double mean = df.select("b").mean().getDouble(0);
    assertEquals(n - 1, mean, 1e-9);
    long afterMean = FrameMemory.allocatedBytes();
    assertTrue(afterMean - afterOpen < 8L * n / 2, "a reduction streams row groups, keeping no column: "
        + (afterMean - afterOpen));
    assertEquals(4.0, df.column("b").getDouble(2));
    long afterOne = FrameMemory.allocatedBytes();
    assertTrue(afterOne - afterOpen >= 8L * n && afterOne - afterOpen < 2 * 8L * n,
        "one column decoded: " + (afterOne - afterOpen) + " bytes");
    df.close();
  }

  @Test
  void aMissingColumnFailsAtOnceNamingTheFileAndColumn() {
    DataFrame.of("x", new double[] {1, 2}).toParquet(dir.toString());
    FrameIOException e = assertThrows(FrameIOException.class, () -> DataFrame.readParquet(dir.toString(), "nope"));
    assertTrue(e.getMessage().contains("nope") && e.getMessage().contains(dir.getFileName().toString()), e.getMessage());
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> DataFrame.readParquet(dir.toString()).column("nope"));
    assertTrue(e2.getMessage().contains("'nope'"), e2.getMessage());
  }
}
