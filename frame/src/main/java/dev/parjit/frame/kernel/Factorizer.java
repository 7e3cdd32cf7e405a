package dev.parjit.frame.kernel;

import dev.parjit.frame.DType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Dense group codes for rows over one or more key columns: equal keys get equal codes, codes are
 * numbered by first appearance, a row with any missing key (null, or NaN in a float key) gets
 * -1. Several tables can be coded against one dictionary (a join codes its left and right keys
 * together). Integer keys use {@link LongIntHashMap}; strings a byte-level hash table; several
 * keys are combined pairwise into one long and coded again.
 */
public final class Factorizer {
  private Factorizer() {}

  /** Codes of every row of every table, concatenated in table order, and the number of groups. */
  public static final class Codes {
    /** Group code per row, -1 for a row with a missing key. */
    public final int[] codes;
    /** Number of distinct groups. */
    public final int groups;

    Codes(int[] codes, int groups) {
      this.codes = codes;
      this.groups = groups;
    }

    /** First row of each group. */
    public int[] firstRows() {
      int[] first = new int[groups];
      java.util.Arrays.fill(first, -1);
      for (int i = 0; i < codes.length; i++) {
        int g = codes[i];
        if (g >= 0 && first[g] < 0) first[g] = i;
      }
      return first;
    }
  }

  /** Codes for one table's key columns. */
  public static Codes factorize(List<FieldVector> keys) {
    return factorize(List.of(keys), null);
  }

  /**
   * Codes for several tables against one dictionary; {@code tables.get(t).get(k)} is key column
   * {@code k} of table {@code t}. {@code keyNames} (optional) names the keys in error messages.
   */
  public static Codes factorize(List<List<FieldVector>> tables, List<String> keyNames) {
    int nk = tables.get(0).size();
    int total = 0;
    for (List<FieldVector> t : tables) total += t.isEmpty() ? 0 : t.get(0).getValueCount();
    if (nk == 0) throw new IllegalArgumentException("at least one key column is needed");
    int[] codes = null;
    int groups = 0;
    for (int k = 0; k < nk; k++) {
      List<FieldVector> col = new ArrayList<>();
      for (List<FieldVector> t : tables) col.add(t.get(k));
      String keyName = keyNames == null ? col.get(0).getName() : keyNames.get(k);
      Codes c = column(col, total, keyName);
      if (codes == null) {
        codes = c.codes;
        groups = c.groups;
      } else {
        LongIntHashMap map = new LongIntHashMap(Math.max(groups, c.groups));
        long card = c.groups;
        for (int i = 0; i < total; i++) {
          codes[i] = codes[i] < 0 || c.codes[i] < 0 ? -1 : map.getOrAdd(codes[i] * card + c.codes[i]);
        }
        groups = map.size();
      }
    }
    return new Codes(codes, groups);
  }

  private enum Kind { LONG, DOUBLE, STRING }

  /**
   * Whether one key column, seen across several tables, is coded by integer value (no float or
   * string on any side); incompatible types fail here with the message {@link #factorize} gives.
   * A join uses it to pick its integer build and probe.
   */
  public static boolean integerKey(List<FieldVector> col, String keyName) {
    return kind(col, keyName) == Kind.LONG;
  }

  private static Kind kind(List<FieldVector> col, String keyName) {
    DType first = DType.of(col.get(0));
    boolean anyFloat = false;
    for (FieldVector v : col) {
      DType t = DType.of(v);
      anyFloat |= t == DType.FLOAT64;
      if (t != first && !(plainNumber(t) && plainNumber(first))) {
        throw new IllegalArgumentException("key '" + keyName + "' has incompatible types: " + first.pandasName() + " and " + t.pandasName());
      }
    }
    if (first == DType.STRING) return Kind.STRING;
    return anyFloat ? Kind.DOUBLE : Kind.LONG;
  }

  /** Keys of these types match across types by numeric value (1 == 1.0). */
  private static boolean plainNumber(DType t) {
    return t == DType.INT32 || t == DType.INT64 || t == DType.FLOAT64;
  }

  private static Codes column(List<FieldVector> col, int total, String keyName) {
    Kind kind = kind(col, keyName);
    int[] codes = new int[total];
    if (kind == Kind.STRING) return strings(col, codes);
    LongIntHashMap map = new LongIntHashMap(1024);
    int row = 0;
    for (FieldVector v : col) {
      int n = v.getValueCount();
      boolean[] valid = Vectors.validity(v);
      if (kind == Kind.LONG) {
        long[] x = Vectors.longs(v);
        for (int i = 0; i < n; i++) codes[row + i] = valid == null || valid[i] ? map.getOrAdd(x[i]) : -1;
      } else {
        double[] x = Vectors.doubles(v);
        for (int i = 0; i < n; i++) {
          double d = x[i];
          // +0.0 and -0.0 are one key; NaN is missing, as pandas' dropna=True.
          codes[row + i] = d != d ? -1 : map.getOrAdd(Double.doubleToLongBits(d == 0 ? 0.0 : d));
        }
      }
      row += n;
    }
    return new Codes(codes, map.size());
  }

  private static Codes strings(List<FieldVector> col, int[] codes) {
    List<StringColumn> cols = new ArrayList<>();
    for (FieldVector v : col) cols.add(StringColumn.of(v));
    int cap = 1024;
    int[] slots = new int[cap];
    long[] hashes = new long[cap / 2];
    int[] refTable = new int[cap / 2];
    int[] refRow = new int[cap / 2];
    int size = 0;
    int row = 0;
    for (int t = 0; t < col.size(); t++) {
      FieldVector v = col.get(t);
      StringColumn s = cols.get(t);
      boolean[] valid = Vectors.validity(v);
      int n = v.getValueCount();
      for (int i = 0; i < n; i++, row++) {
        if (valid != null && !valid[i]) {
          codes[row] = -1;
          continue;
        }
        long h = s.hash(i);
        int mask = slots.length - 1;
        int slot = (int) h & mask;
        int code;
        while (true) {
          int id = slots[slot];
          if (id == 0) {
            code = size++;
            slots[slot] = code + 1;
            if (code >= hashes.length) {
              hashes = java.util.Arrays.copyOf(hashes, hashes.length * 2);
              refTable = java.util.Arrays.copyOf(refTable, refTable.length * 2);
              refRow = java.util.Arrays.copyOf(refRow, refRow.length * 2);
            }
            hashes[code] = h;
            refTable[code] = t;
            refRow[code] = i;
            break;
          }
          int g = id - 1;
          if (hashes[g] == h && StringColumn.equal(cols.get(refTable[g]), refRow[g], s, i)) {
            code = g;
            break;
          }
          slot = (slot + 1) & mask;
        }
        codes[row] = code;
        if (size * 2 > slots.length) slots = rehash(slots, hashes, size);
      }
    }
    return new Codes(codes, size);
  }

  private static int[] rehash(int[] old, long[] hashes, int size) {
    int[] slots = new int[old.length * 2];
    int mask = slots.length - 1;
    for (int g = 0; g < size; g++) {
      int slot = (int) hashes[g] & mask;
      while (slots[slot] != 0) slot = (slot + 1) & mask;
      slots[slot] = g + 1;
    }
    return slots;
  }
}
