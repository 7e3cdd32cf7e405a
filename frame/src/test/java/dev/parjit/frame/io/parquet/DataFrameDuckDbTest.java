package dev.parjit.frame.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DataFrame API over files DuckDB wrote (several row groups, dictionary strings, nulls), against
 * DuckDB's own answers; and DuckDB over files the DataFrame API wrote.
 */
class DataFrameDuckDbTest {

  @TempDir
  Path dir;

  private static final String TABLE = "SELECT i::BIGINT AS id, CASE WHEN i % 11 = 3 THEN NULL ELSE (i % 97) / 4.0 END AS x,"
      + " (i % 13)::INTEGER AS k, CASE WHEN i % 17 = 5 THEN NULL ELSE 'g' || (i % 7) END AS g FROM range(0, 25000) t(i)";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"snappy", "zstd"})
  void meanSumCountAndGroupByEqualDuckDbs(String codec) throws Exception {
    Path file = dir.resolve("t-" + codec + ".parquet");
    try (DuckDb db = new DuckDb()) {
      db.copy(TABLE, file, codec, 3000);
      DataFrame df = DataFrame.readParquet(file.toString());
      String from = " FROM read_parquet('" + file + "')";
      Object[] ref = db.row("SELECT avg(x), sum(x), count(x), count(g), sum(id)" + from);
      Series mean = df.select("x").mean();
      assertEquals(((Number) ref[0]).doubleValue(), mean.getDouble(0), 1e-9);
      assertEquals(((Number) ref[1]).doubleValue(), df.column("x").sum(), 1e-9);
      assertEquals(((Number) ref[2]).longValue(), df.column("x").count());
      assertEquals(((Number) ref[3]).longValue(), df.column("g").count());
      assertEquals(((Number) ref[4]).longValue(), df.select("id").sum().getLong(0));
      List<Object[]> groups = db.rows("SELECT g, avg(x), count(x) " + from + " WHERE g IS NOT NULL GROUP BY g ORDER BY g");
      DataFrame byG = df.select("g", "x").groupBy("g").mean();
      DataFrame counts = df.select("g", "x").groupBy("g").count();
      assertEquals(groups.size(), byG.numRows());
      for (int r = 0; r < groups.size(); r++) {
        assertEquals(groups.get(r)[0], byG.column("g").getString(r));
        assertEquals(((Number) groups.get(r)[1]).doubleValue(), byG.column("x").getDouble(r), 1e-9);
        assertEquals(((Number) groups.get(r)[2]).longValue(), counts.column("x").getLong(r));
      }
    }
  }

  @Test
  void duckDbReadsWhatTheDataFrameWrote() throws Exception {
    try (DuckDb db = new DuckDb()) {
      Path src = dir.resolve("src.parquet");
      db.copy(TABLE, src, "snappy", 3000);
      DataFrame df = DataFrame.readParquet(src.toString());
      Path out = dir.resolve("out");
      df.toParquet(out.toString());
      String a = " FROM read_parquet('" + src + "')";
      String b = " FROM read_parquet('" + out + "/*.parquet')";
      String q = "SELECT count(*), sum(id), sum(x), count(x), count(g), string_agg(g, ',' ORDER BY id)";
      Object[] expected = db.row(q + a);
      Object[] actual = db.row(q + b);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(String.valueOf(expected[i]), String.valueOf(actual[i]), "column " + i);
      }
    }
  }
}
