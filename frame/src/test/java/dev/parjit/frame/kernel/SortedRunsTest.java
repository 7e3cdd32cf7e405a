package dev.parjit.frame.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parjit.frame.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Merged codes of ascending runs: the rank of each row's key tuple among the distinct tuples, or a decline. */
class SortedRunsTest {

  private final List<FieldVector> open = new ArrayList<>();

  @AfterEach
  void close() {
    open.forEach(FieldVector::close);
  }

  private FieldVector longs(String name, long[] values, boolean[] valid) {
    FieldVector v = Vectors.ofLongs(DType.INT64, name, values, valid);
    open.add(v);
    return v;
  }

  /** {@code runs} runs of distinct ascending keys drawn from a small range, laid end to end. */
  private static long[] runsOf(Random rnd, int runs, int range) {
    List<Long> all = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      TreeSet<Long> run = new TreeSet<>();
      int size = rnd.nextInt(range + 1);
      for (int i = 0; i < size; i++) run.add((long) rnd.nextInt(range) - range / 2);
      all.addAll(run);
    }
    return all.stream().mapToLong(Long::longValue).toArray();
  }

  @Test
  void eachRowGetsItsKeysRankAmongTheDistinctKeys() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      long[] k = runsOf(rnd, 1 + rnd.nextInt(SortedRuns.MAX_RUNS), 1 + rnd.nextInt(40));
      long[] distinct = Arrays.stream(k).distinct().sorted().toArray();
      Factorizer.Codes c = SortedRuns.codes(List.of(longs("k", k, null)));
      assertEquals(distinct.length, c.groups, Arrays.toString(k));
      for (int i = 0; i < k.length; i++) {
        assertEquals(Arrays.binarySearch(distinct, k[i]), c.codes[i], "row " + i + " of " + Arrays.toString(k));
      }
    }
  }

  @Test
  void tuplesCompareColumnByColumn() {
    // Two runs ascending by (a, b): (1,5) (2,0) (2,3) | (1,5) (2,1) (3,0)
    long[] a = {1, 2, 2, 1, 2, 3};
    long[] b = {5, 0, 3, 5, 1, 0};
    Factorizer.Codes c = SortedRuns.codes(List.of(longs("a", a, null), longs("b", b, null)));
    assertEquals(5, c.groups);
    assertArrayEquals(new int[] {0, 1, 3, 0, 2, 4}, c.codes);
    assertArrayEquals(new int[] {0, 1, 4, 2, 5}, c.firstRows());
  }

  @Test
  void int32KeysMergeLikeLongs() {
    FieldVector v = Vectors.ofInts("k", new int[] {-3, 4, -5, 4, 9}, null);
    open.add(v);
    Factorizer.Codes c = SortedRuns.codes(List.of(v));
    assertArrayEquals(new int[] {1, 2, 0, 2, 3}, c.codes);
  }

  @Test
  void declinesWhatItCannotOrderCheaply() {
    long[] many = new long[SortedRuns.MAX_RUNS + 1]; // every row a run of its own: equal keys never ascend
    assertNull(SortedRuns.codes(List.of(longs("k", many, null))));
    assertEquals(1, SortedRuns.codes(List.of(longs("k", Arrays.copyOf(many, SortedRuns.MAX_RUNS), null))).groups);
    assertNull(SortedRuns.codes(List.of(longs("k", new long[] {1, 2}, new boolean[] {true, false}))), "a null key");
    FieldVector d = Vectors.ofDoubles("d", new double[] {1, 2}, null);
    open.add(d);
    assertNull(SortedRuns.codes(List.of(d)), "float keys");
    FieldVector s = Vectors.ofStrings("s", new String[] {"a", "b"});
    open.add(s);
    assertNull(SortedRuns.codes(List.of(longs("k", new long[] {1, 2}, null), s)), "a string key");
    assertNull(SortedRuns.codes(List.of()));
  }

  @Test
  void noRowsNoGroups() {
    Factorizer.Codes c = SortedRuns.codes(List.of(longs("k", new long[0], null)));
    assertEquals(0, c.groups);
    assertEquals(0, c.codes.length);
  }
}
