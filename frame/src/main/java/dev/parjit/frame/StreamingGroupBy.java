package dev.parjit.frame;

import dev.parjit.frame.kernel.ColumnBatches;
import dev.parjit.frame.kernel.GroupAggregator;
import dev.parjit.frame.kernel.StableHash;
import dev.parjit.frame.kernel.Vectors;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * {@link GroupBy} of a file-backed frame on one or more integer keys, aggregated while the row
 * groups stream by ({@link ColumnBatches}): every row goes through a primitive open-addressing map
 * (key, or tuple of keys → dense group id; a row with a missing key belongs to no group) into
 * per-group state arrays, so no whole column is decoded and no row codes are kept. SUM, COUNT,
 * MEAN, MIN and MAX of float64/int64/int32 columns; anything else (string or float keys, STD/VAR,
 * columns already decoded) returns null and takes the vector path. The output is the vector path's to the bit: partial columns as
 * {@link GroupAggregator#partial} makes them (same per-group summation order: row order), then
 * its {@link GroupAggregator#finish}, groups sorted by key.
 */
final class StreamingGroupBy {
  /**
   * A row group's group codes, kept by the thread from one group-by to the next (softly): a worker
   * groups call after call, and a fresh array each time is a humongous G1 allocation.
   */
  private static final ThreadLocal<SoftReference<int[]>> CODES = new ThreadLocal<>();

  private StreamingGroupBy() {}

  /** Rows per pass: 8K rows of a key, a code and a value column are 160 KiB, well inside a core's L2 cache. */
  static final int SLICE_ROWS = 8192;

  /** Per-aggregate state, grown with the number of groups. */
  private static final class State {
    final Agg.Kind kind;
    final int column;
    final DType type;
    double[] dsum;
    long[] lsum;
    long[] count;
    double[] dext;
    long[] lext;
    boolean[] seen;

    State(Agg.Kind kind, int column, DType type) {
      this.kind = kind;
      this.column = column;
      this.type = type;
    }

    void ensure(int groups) {
      if (count != null && count.length >= groups || seen != null && seen.length >= groups
          || dsum != null && dsum.length >= groups || lsum != null && lsum.length >= groups) {
        return;
      }
      int cap = Math.max(1024, Integer.highestOneBit(Math.max(groups, 1)) * 2);
      boolean floating = type == DType.FLOAT64;
      switch (kind) {
        case SUM:
          if (floating) dsum = grow(dsum, cap); else lsum = grow(lsum, cap);
          break;
        case COUNT:
          count = grow(count, cap);
          break;
        case MEAN:
          dsum = grow(dsum, cap);
          count = grow(count, cap);
          break;
        default:
          if (floating) dext = grow(dext, cap); else lext = grow(lext, cap);
          seen = seen == null ? new boolean[cap] : Arrays.copyOf(seen, cap);
      }
    }
  }

  /**
   * Open-addressing (linear probing) map from tuples of long keys (one per key column) to dense
   * group ids in order of first appearance, with each id's keys; load factor at most 1/2.
   */
  private static final class KeyMap {
    final int width;
    int[] slotIds = new int[2048]; // id + 1; 0 marks an empty slot
    long[][] keyOf;
    int size;

    /**
     * While every key column's values seen so far span ranges whose product is at most
     * {@link #DIRECT_SLOTS}, ids are looked up directly (the tuple's offset in those ranges indexes
     * {@code directIds}): no hashing and no key comparison, which is most of a group-by's time. A
     * batch that widens the ranges past that switches the map to hashing for good.
     */
    static final long DIRECT_SLOTS = 1 << 20;
    boolean direct = true;
    final long[] lo;
    final long[] hi;
    int[] directIds = new int[0]; // id + 1 by tuple offset; 0 marks an unseen tuple

    KeyMap(int width) {
      this.width = width;
      keyOf = new long[width][1024];
      lo = new long[width];
      hi = new long[width];
      Arrays.fill(lo, Long.MAX_VALUE);
      Arrays.fill(hi, Long.MIN_VALUE);
    }

    /** Group ids of rows {@code [from, to)} of the key columns, -1 for a row with a missing key. */
    void codes(ColumnBatches.Column[] cols, int[] code, int from, int to) {
      if (direct) {
        // One pass over the keys: rows are coded directly while their keys lie in the ranges so
        // far; the first that does not widens the ranges over the rest of the slice (or leaves
        // direct addressing). Ranges settle within the first slices, so a min/max pass of its own
        // over every slice (a third of a worker's time) is work for nothing.
        int at = checkedDirectCodes(cols, code, from, to);
        if (at == to) return;
        if (widenDirect(cols, at, to)) {
          directCodes(cols, code, at, to);
          return;
        }
        toHashed();
        from = at;
      }
      if (width == 1) {
        long[] k = cols[0].longs;
        boolean[] valid = cols[0].valid;
        for (int i = from; i < to; i++) {
          code[i] = valid != null && !valid[i] ? -1 : id1(k[i]);
        }
        return;
      }
      for (int i = from; i < to; i++) {
        code[i] = idN(cols, i);
      }
    }

    /**
     * Takes this batch's key ranges into the direct table (rebuilt when they widen), or returns false
     * when the ranges together would need more than {@link #DIRECT_SLOTS} slots.
     */
    private boolean widenDirect(ColumnBatches.Column[] cols, int from, int to) {
      long[] newLo = lo.clone();
      long[] newHi = hi.clone();
      for (int c = 0; c < width; c++) {
        long[] k = cols[c].longs;
        boolean[] valid = cols[c].valid;
        long a = newLo[c];
        long b = newHi[c];
        for (int i = from; i < to; i++) {
          if (valid == null || valid[i]) {
            a = Math.min(a, k[i]);
            b = Math.max(b, k[i]);
          }
        }
        newLo[c] = a;
        newHi[c] = b;
      }
      if (Arrays.equals(newLo, lo) && Arrays.equals(newHi, hi)) {
        return true;
      }
      long slots = 1;
      for (int c = 0; c < width; c++) {
        if (newLo[c] > newHi[c]) {
          return true; // no key in any batch yet: nothing to address
        }
        long span = newHi[c] - newLo[c] + 1;
        if (span <= 0 || span > DIRECT_SLOTS || (slots *= span) > DIRECT_SLOTS) {
          return false;
        }
      }
      System.arraycopy(newLo, 0, lo, 0, width);
      System.arraycopy(newHi, 0, hi, 0, width);
      directIds = new int[(int) slots];
      for (int id = 0; id < size; id++) {
        long at = 0;
        for (int c = 0; c < width; c++) at = at * (hi[c] - lo[c] + 1) + (keyOf[c][id] - lo[c]);
        directIds[(int) at] = id + 1;
      }
      return true;
    }

    /**
     * {@link #codes} by direct addressing up to the first row with a (valid) key outside the
     * ranges; returns that row, or {@code to}. A key is inside when its offset from {@code lo},
     * taken unsigned, is below the span: the offset wraps for no key in range, and a key below
     * {@code lo} reads as a huge offset.
     */
    private int checkedDirectCodes(ColumnBatches.Column[] cols, int[] code, int from, int to) {
      if (width == 1) {
        long[] k = cols[0].longs;
        boolean[] valid = cols[0].valid;
        long base = lo[0];
        long span = hi[0] < lo[0] ? 0 : hi[0] - lo[0] + 1; // 0 before any key: every key is outside
        int[] ids = directIds;
        for (int i = from; i < to; i++) {
          if (valid != null && !valid[i]) {
            code[i] = -1;
            continue;
          }
          long off = k[i] - base;
          if (Long.compareUnsigned(off, span) >= 0) return i;
          int id = ids[(int) off];
          code[i] = id != 0 ? id - 1 : addDirect((int) off, cols, i);
        }
        return to;
      }
      // Each column's keys, validity, low end and span in locals: read once per slice, not per row.
      long[][] k = new long[width][];
      boolean[][] valid = new boolean[width][];
      long[] base = new long[width];
      long[] span = new long[width];
      for (int c = 0; c < width; c++) {
        k[c] = cols[c].longs;
        valid[c] = cols[c].valid;
        base[c] = lo[c];
        span[c] = hi[c] < lo[c] ? 0 : hi[c] - lo[c] + 1;
      }
      int[] ids = directIds;
      for (int i = from; i < to; i++) {
        long at = 0;
        boolean missing = false;
        for (int c = 0; c < width; c++) {
          if (valid[c] != null && !valid[c][i]) {
            missing = true;
            continue;
          }
          long off = k[c][i] - base[c];
          if (Long.compareUnsigned(off, span[c]) >= 0) return i;
          at = at * span[c] + off;
        }
        if (missing) {
          code[i] = -1;
          continue;
        }
        int id = ids[(int) at];
        code[i] = id != 0 ? id - 1 : addDirect((int) at, cols, i);
      }
      return to;
    }

    /** {@link #codes} by direct addressing (the batch is inside the ranges). */
    private void directCodes(ColumnBatches.Column[] cols, int[] code, int from, int to) {
      if (width == 1) {
        long[] k = cols[0].longs;
        boolean[] valid = cols[0].valid;
        long base = lo[0];
        for (int i = from; i < to; i++) {
          if (valid != null && !valid[i]) {
            code[i] = -1;
            continue;
          }
          int at = (int) (k[i] - base);
          int id = directIds[at];
          code[i] = id != 0 ? id - 1 : addDirect(at, cols, i);
        }
        return;
      }
      rows:
      for (int i = from; i < to; i++) {
        long at = 0;
        for (int c = 0; c < width; c++) {
          if (cols[c].valid != null && !cols[c].valid[i]) {
            code[i] = -1;
            continue rows;
          }
          at = at * (hi[c] - lo[c] + 1) + (cols[c].longs[i] - lo[c]);
        }
        int id = directIds[(int) at];
        code[i] = id != 0 ? id - 1 : addDirect((int) at, cols, i);
      }
    }

    private int addDirect(int at, ColumnBatches.Column[] cols, int row) {
      int id = size++;
      if (id >= keyOf[0].length) {
        for (int c = 0; c < width; c++) keyOf[c] = Arrays.copyOf(keyOf[c], keyOf[c].length * 2);
      }
      for (int c = 0; c < width; c++) keyOf[c][id] = cols[c].longs[row];
      directIds[at] = id + 1;
      return id;
    }

    /**
     * The group ids in key order (ascending, the first key column first), or null when the map
     * hashes. Directly addressed tuples sit at their offset in the key ranges, which grows with the
     * keys in that order, so reading the table in slot order lists them sorted: no sort needed.
     */
    int[] sortedIds() {
      if (!direct) return null;
      int[] order = new int[size];
      int n = 0;
      for (int at = 0; n < size; at++) {
        int id = directIds[at];
        if (id != 0) order[n++] = id - 1;
      }
      return order;
    }

    /** Leaves direct addressing: every id so far goes into the hash table. */
    private void toHashed() {
      direct = false;
      directIds = null;
      int cap = Math.max(2048, Integer.highestOneBit(Math.max(1, size) * 4 - 1) << 1);
      slotIds = new int[cap];
      int mask = cap - 1;
      for (int id = 0; id < size; id++) {
        int slot = (int) hashOf(id) & mask;
        while (slotIds[slot] != 0) slot = (slot + 1) & mask;
        slotIds[slot] = id + 1;
      }
    }

    private int id1(long key) {
      int mask = slotIds.length - 1;
      long[] keys = keyOf[0];
      int slot = (int) StableHash.fmix64(key) & mask;
      while (true) {
        int id = slotIds[slot];
        if (id == 0) return add(slot, c -> key);
        if (keys[id - 1] == key) return id - 1;
        slot = (slot + 1) & mask;
      }
    }

    private int idN(ColumnBatches.Column[] cols, int row) {
      long h = 0;
      for (int c = 0; c < width; c++) {
        if (cols[c].valid != null && !cols[c].valid[row]) return -1;
        h = StableHash.fmix64(h * 31 + cols[c].longs[row]);
      }
      int mask = slotIds.length - 1;
      int slot = (int) h & mask;
      while (true) {
        int id = slotIds[slot];
        if (id == 0) return add(slot, c -> cols[c].longs[row]);
        if (sameKeys(id - 1, cols, row)) return id - 1;
        slot = (slot + 1) & mask;
      }
    }

    private boolean sameKeys(int id, ColumnBatches.Column[] cols, int row) {
      for (int c = 0; c < width; c++) {
        if (keyOf[c][id] != cols[c].longs[row]) return false;
      }
      return true;
    }

    private long hashOf(int id) {
      if (width == 1) return StableHash.fmix64(keyOf[0][id]);
      long h = 0;
      for (int c = 0; c < width; c++) h = StableHash.fmix64(h * 31 + keyOf[c][id]);
      return h;
    }

    private int add(int slot, java.util.function.IntToLongFunction key) {
      int id = size++;
      if (id >= keyOf[0].length) {
        for (int c = 0; c < width; c++) keyOf[c] = Arrays.copyOf(keyOf[c], keyOf[c].length * 2);
      }
      for (int c = 0; c < width; c++) keyOf[c][id] = key.applyAsLong(c);
      slotIds[slot] = id + 1;
      if (size * 2 > slotIds.length) rehash();
      return id;
    }

    private void rehash() {
      int[] oldIds = slotIds;
      slotIds = new int[oldIds.length * 2];
      int mask = slotIds.length - 1;
      for (int oldId : oldIds) {
        if (oldId == 0) continue;
        int slot = (int) hashOf(oldId - 1) & mask;
        while (slotIds[slot] != 0) slot = (slot + 1) & mask;
        slotIds[slot] = oldId;
      }
    }
  }

  private static double[] grow(double[] a, int cap) {
    return a == null ? new double[cap] : Arrays.copyOf(a, cap);
  }

  private static long[] grow(long[] a, int cap) {
    return a == null ? new long[cap] : Arrays.copyOf(a, cap);
  }

  /**
   * The grouped frame (finished, or partials as {@link GroupBy#partials}), or null when this
   * grouping cannot stream.
   */
  static DataFrame tryRun(DataFrame df, String[] keys, Agg[] aggs, String[] out, boolean finish) {
    ColumnBatches batches = df.columnBatches();
    if (batches == null) return null;
    DType[] keyTypes = new DType[keys.length];
    for (int k = 0; k < keys.length; k++) {
      keyTypes[k] = df.dtype(keys[k]);
      if (keyTypes[k] != DType.INT64 && keyTypes[k] != DType.INT32) return null;
    }
    List<String> columns = new ArrayList<>(Arrays.asList(keys));
    List<State> states = new ArrayList<>();
    for (Agg a : aggs) {
      DType t = df.dtype(a.column());
      boolean kindOk = switch (a.kind()) {
        case SUM, COUNT, MEAN, MIN, MAX -> true;
        default -> false;
      };
      if (!kindOk || (t != DType.FLOAT64 && t != DType.INT64 && t != DType.INT32)) return null;
      int c = columns.indexOf(a.column());
      if (c < 0) {
        c = columns.size();
        columns.add(a.column());
      }
      states.add(new State(a.kind(), c, t));
    }
    for (String c : columns) {
      if (df.isDecoded(c)) return null; // already in memory: the vector path reads it there
    }
    if (!batches.supports(columns)) return null;

    KeyMap map = new KeyMap(keys.length);
    SoftReference<int[]> keptCodes = CODES.get();
    int[][] codes = {keptCodes == null || keptCodes.get() == null ? new int[0] : keptCodes.get()};
    CODES.remove(); // a nested group-by inside the scan gets its own
    batches.scan(columns, (rows, cols) -> {
      if (codes[0].length < rows) codes[0] = new int[rows];
      int[] code = codes[0];
      // A slice at a time through every pass: its keys, codes and values stay in the core's cache
      // from one pass to the next, instead of each pass streaming the row group's arrays through
      // memory again (two ranks share the memory bandwidth; one core's cache is its own). Each
      // group still adds its rows in row order.
      for (int from = 0; from < rows; from += SLICE_ROWS) {
        int to = Math.min(rows, from + SLICE_ROWS);
        map.codes(cols, code, from, to);
        int groups = map.size;
        for (State s : states) {
          s.ensure(groups);
          accumulate(s, cols[s.column], code, from, to);
        }
      }
    });

    CODES.set(new SoftReference<>(codes[0]));
    int groups = map.size;
    int[] order = map.sortedIds(); // null: the groups are sorted while assembling
    List<FieldVector> keyVecs = new ArrayList<>();
    for (int k = 0; k < keys.length; k++) {
      keyVecs.add(Vectors.ofLongs(keyTypes[k], keys[k], take(map.keyOf[k], groups, order), null));
    }
    Agg.Kind[] kinds = new Agg.Kind[aggs.length];
    for (int a = 0; a < aggs.length; a++) {
      kinds[a] = states.get(a).kind;
    }
    return GroupBy.assembleGroups(keys, keyVecs, kinds, out, finish, order != null, a -> {
      State s = states.get(a);
      s.ensure(groups);
      return partials(s, groups, order, out[a]);
    });
  }

  /** Adds rows {@code [from, to)} of a batch (group codes, -1 for a missing key) into the aggregate's state. */
  private static void accumulate(State s, ColumnBatches.Column col, int[] code, int from, int to) {
    boolean floating = s.type == DType.FLOAT64;
    double[] x = col.doubles;
    long[] l = col.longs;
    boolean[] valid = col.valid;
    switch (s.kind) {
      case SUM:
        if (floating) {
          double[] acc = s.dsum;
          for (int i = from; i < to; i++) {
            int g = code[i];
            double v = x[i];
            if (g >= 0 && v == v) acc[g] += v;
          }
        } else {
          long[] acc = s.lsum; // nulls read as 0: neutral
          for (int i = from; i < to; i++) {
            int g = code[i];
            if (g >= 0) acc[g] += l[i];
          }
        }
        break;
      case COUNT:
        countInto(s.count, x, valid, code, from, to);
        break;
      case MEAN: {
        double[] acc = s.dsum;
        long[] n = s.count;
        if (floating) {
          for (int i = from; i < to; i++) { // the sum and the count in one pass over the codes
            int g = code[i];
            double v = x[i];
            if (g >= 0 && v == v) {
              acc[g] += v;
              n[g]++;
            }
          }
        } else {
          for (int i = from; i < to; i++) {
            int g = code[i];
            if (g >= 0 && (valid == null || valid[i])) {
              acc[g] += (double) l[i];
              n[g]++;
            }
          }
        }
        break;
      }
      default: {
        boolean max = s.kind == Agg.Kind.MAX;
        boolean[] seen = s.seen;
        if (floating) {
          double[] acc = s.dext;
          for (int i = from; i < to; i++) {
            int g = code[i];
            double v = x[i];
            if (g < 0 || v != v) continue;
            if (!seen[g] || (max ? v > acc[g] : v < acc[g])) acc[g] = v;
            seen[g] = true;
          }
        } else {
          long[] acc = s.lext;
          for (int i = from; i < to; i++) {
            int g = code[i];
            if (g < 0 || (valid != null && !valid[i])) continue;
            long v = l[i];
            if (!seen[g] || (max ? v > acc[g] : v < acc[g])) acc[g] = v;
            seen[g] = true;
          }
        }
      }
    }
  }

  /** Non-missing values per group: valid, and not NaN for floats. */
  private static void countInto(long[] acc, double[] x, boolean[] valid, int[] code, int from, int to) {
    if (x != null) {
      for (int i = from; i < to; i++) {
        int g = code[i];
        double v = x[i];
        if (g >= 0 && v == v) acc[g]++;
      }
    } else {
      for (int i = from; i < to; i++) {
        int g = code[i];
        if (g >= 0 && (valid == null || valid[i])) acc[g]++;
      }
    }
  }

  /** The first {@code groups} values, in {@code order} (group ids) when it is given. */
  private static long[] take(long[] a, int groups, int[] order) {
    if (order == null) return Arrays.copyOf(a, groups);
    long[] r = new long[groups];
    for (int i = 0; i < groups; i++) r[i] = a[order[i]];
    return r;
  }

  private static double[] take(double[] a, int groups, int[] order) {
    if (order == null) return Arrays.copyOf(a, groups);
    double[] r = new double[groups];
    for (int i = 0; i < groups; i++) r[i] = a[order[i]];
    return r;
  }

  private static boolean[] take(boolean[] a, int groups, int[] order) {
    if (order == null) return Arrays.copyOf(a, groups);
    boolean[] r = new boolean[groups];
    for (int i = 0; i < groups; i++) r[i] = a[order[i]];
    return r;
  }

  /**
   * The partial columns {@link GroupAggregator#partial} would give for these groups, in
   * {@code order} (group ids, key order) when it is given.
   */
  private static List<FieldVector> partials(State s, int groups, int[] order, String out) {
    List<FieldVector> r = new ArrayList<>();
    boolean floating = s.type == DType.FLOAT64;
    try {
      switch (s.kind) {
        case SUM:
          String name = GroupAggregator.partialName(out, "sum");
          r.add(floating ? Vectors.ofDoubles(name, take(s.dsum, groups, order), null)
              : Vectors.ofLongs(DType.INT64, name, take(s.lsum, groups, order), null));
          break;
        case COUNT:
          r.add(Vectors.ofLongs(DType.INT64, GroupAggregator.partialName(out, "count"), take(s.count, groups, order), null));
          break;
        case MEAN:
          r.add(Vectors.ofDoubles(GroupAggregator.partialName(out, "sum"), take(s.dsum, groups, order), null));
          r.add(Vectors.ofLongs(DType.INT64, GroupAggregator.partialName(out, "count"), take(s.count, groups, order), null));
          break;
        default: {
          String n = GroupAggregator.partialName(out, s.kind.suffix());
          boolean[] seen = take(s.seen, groups, order);
          boolean all = true;
          for (boolean b : seen) all &= b;
          r.add(floating ? Vectors.ofDoubles(n, take(s.dext, groups, order), all ? null : seen)
              : Vectors.ofLongs(s.type, n, take(s.lext, groups, order), all ? null : seen));
        }
      }
      return r;
    } catch (RuntimeException | Error e) {
      r.forEach(FieldVector::close);
      throw e;
    }
  }
}
