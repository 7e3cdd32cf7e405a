package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Aggregates of the test table's columns (id, d, l, n, b, s, ts, hi), accumulated over one or
 * more vector batches read in order, to compare with DuckDB's answers.
 */
final class Summary {
  long rows;
  long nextId;
  long countD;
  double sumD;
  long countL;
  long sumL;
  long countN;
  long sumN;
  long countB;
  long trueB;
  long countS;
  long lenS;
  long countTs;
  long modTs;
  long minTs = Long.MAX_VALUE;
  long maxTs = Long.MIN_VALUE;
  /** s (null as "<null>") to {count(*), sum(l)}. */
  final Map<String, long[]> groups = new TreeMap<>();

  /** The DuckDB query giving the same aggregates as {@link #scalars()}. */
  static String query(String source) {
    return "SELECT count(*), count(d), sum(d), count(l), sum(l)::BIGINT, count(n), sum(n)::BIGINT,"
        + " count(b), count_if(b), count(s), sum(length(s))::BIGINT, count(ts),"
        + " sum(epoch_us(ts) % 1000003)::BIGINT, min(epoch_us(ts)), max(epoch_us(ts)) FROM " + source;
  }

  /** The DuckDB group-by matching {@link #groups}. */
  static String groupQuery(String source) {
    return "SELECT coalesce(s, '<null>'), count(*), coalesce(sum(l), 0)::BIGINT FROM " + source + " GROUP BY 1";
  }

  Object[] scalars() {
    return new Object[] {rows, countD, sumD, countL, sumL, countN, sumN, countB, trueB, countS, lenS, countTs,
        modTs, minTs, maxTs};
  }

  /** Adds one batch; its columns are looked up by name, ids must continue the previous batch. */
  void add(List<FieldVector> batch) {
    Map<String, FieldVector> byName = new TreeMap<>();
    batch.forEach(v -> byName.put(v.getName(), v));
    BigIntVector id = (BigIntVector) byName.get("id");
    Float8Vector d = (Float8Vector) byName.get("d");
    BigIntVector l = (BigIntVector) byName.get("l");
    IntVector n = (IntVector) byName.get("n");
    BitVector b = (BitVector) byName.get("b");
    VarCharVector s = (VarCharVector) byName.get("s");
    TimeStampMicroVector ts = (TimeStampMicroVector) byName.get("ts");
    VarCharVector hi = (VarCharVector) byName.get("hi");
    int count = batch.get(0).getValueCount();
    for (int i = 0; i < count; i++) {
      assertEquals(nextId, id.get(i), "row order");
      if (!d.isNull(i)) {
        countD++;
        sumD += d.get(i);
      }
      if (!l.isNull(i)) {
        countL++;
        sumL += l.get(i);
      }
      if (!n.isNull(i)) {
        countN++;
        sumN += n.get(i);
      }
      if (!b.isNull(i)) {
        countB++;
        trueB += b.get(i);
      }
      String key = "<null>";
      if (!s.isNull(i)) {
        countS++;
        key = new String(s.get(i), StandardCharsets.UTF_8);
        lenS += key.length();
      }
      long[] g = groups.computeIfAbsent(key, k -> new long[2]);
      g[0]++;
      g[1] += l.isNull(i) ? 0 : l.get(i);
      if (!ts.isNull(i)) {
        long t = ts.get(i);
        countTs++;
        modTs += t % 1000003;
        minTs = Math.min(minTs, t);
        maxTs = Math.max(maxTs, t);
      }
      assertEquals("u" + nextId, new String(hi.get(i), StandardCharsets.UTF_8));
      nextId++;
      rows++;
    }
  }
}
