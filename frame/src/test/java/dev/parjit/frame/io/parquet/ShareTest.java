package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The balancing rule of {@link ParquetDataset#share}. */
class ShareTest {
  static List<RowGroupRef> groups(long... sizes) {
    List<RowGroupRef> out = new ArrayList<>();
    long first = 0;
    for (int i = 0; i < sizes.length; i++) {
      out.add(new RowGroupRef(Path.of("f.parquet"), i, sizes[i], first));
      first += sizes[i];
    }
    return out;
  }

  static List<Integer> counts(List<RowGroupRef> g, int size) {
    List<Integer> c = new ArrayList<>();
    for (int r = 0; r < size; r++) {
      c.add(ParquetDataset.share(g, r, size).size());
    }
    return c;
  }

  @Test
  void equalGroupsSpreadEvenly() {
    assertEquals(List.of(3, 3, 3, 3), counts(groups(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10), 4));
    assertEquals(List.of(1, 1, 1), counts(groups(5, 5, 5), 3));
    assertEquals(List.of(0, 1, 0, 1), counts(groups(5, 5), 4), "fewer groups than ranks: some ranks get none");
  }

  @Test
  void balancesByRowsNotGroupCount() {
    // One big group then many small ones: rank 0 takes the big group only.
    assertEquals(List.of(1, 10), counts(groups(100, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10), 2));
  }

  @Test
  void sharesConcatenateToTheWholeListForRandomSizes() {
    Random rnd = new Random(42);
    for (int t = 0; t < 200; t++) {
      long[] sizes = new long[1 + rnd.nextInt(20)];
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] = rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(1000);
      }
      List<RowGroupRef> g = groups(sizes);
      for (int size = 1; size <= 9; size++) {
        List<RowGroupRef> all = new ArrayList<>();
        for (int r = 0; r < size; r++) {
          all.addAll(ParquetDataset.share(g, r, size));
        }
        assertEquals(g, all);
      }
    }
  }

  @Test
  void noRankExceedsItsIdealSliceByMoreThanOneGroup() {
    Random rnd = new Random(7);
    for (int t = 0; t < 100; t++) {
      long[] sizes = new long[5 + rnd.nextInt(30)];
      long max = 0;
      long total = 0;
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] = 1 + rnd.nextInt(1000);
        max = Math.max(max, sizes[i]);
        total += sizes[i];
      }
      for (int size = 2; size <= 4; size++) {
        for (int r = 0; r < size; r++) {
          long rows = ParquetDataset.share(groups(sizes), r, size).stream().mapToLong(RowGroupRef::rowCount).sum();
          assertTrue(Math.abs(rows - total / (double) size) <= max, rows + " vs " + total / size);
        }
      }
    }
  }
}
