package dev.parjit.frame.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden strings checked against pandas 2.x {@code print()} output. */
class PandasFormatTest {
  @Test
  void headOfFloats() {
    assertEquals("     A\n0  1.0\n1  2.0\n2  3.0", DataFrame.of("A", new double[] {1, 2, 3, 4, 5, 6, 7, 8}).head(3).toString());
  }

  @Test
  void numericHeadersGetALeadingSpace() {
    assertEquals("   power\n0    1.0", DataFrame.of("power", new double[] {1}).toString());
    assertEquals("   longname\n0         1", DataFrame.of("longname", new long[] {1}).toString());
    assertEquals("  word\n0    a", DataFrame.of("word", new String[] {"a"}).toString());
  }

  @Test
  void trimsZerosEquallyAcrossTheColumn() {
    assertEquals("      x\n0  2.20\n1  3.25", DataFrame.of("x", new double[] {2.2, 3.25}).toString());
    assertEquals("          x\n0  0.333333\n1  1.000000", DataFrame.of("x", new double[] {1.0 / 3, 1}).toString());
  }

  @Test
  void mixedColumns() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", new String[] {"a", "bb", null});
    m.put("n", new long[] {1, 22, 333});
    m.put("x", new double[] {1.5, Double.NaN, -3});
    m.put("ok", new boolean[] {true, false, true});
    String expected = String.join("\n",
        "   name    n    x     ok",
        "0     a    1  1.5   True",
        "1    bb   22  NaN  False",
        "2  None  333 -3.0   True");
    assertEquals(expected, DataFrame.of(m).toString());
  }

  @Test
  void reductionSeries() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("power", new double[] {100, 147});
    m.put("speed", new double[] {30.1, 30.1});
    assertEquals("power    123.5\nspeed     30.1\ndtype: float64", DataFrame.of(m).mean().toString());
  }

  @Test
  void namedSeries() {
    assertEquals("0    1\n1    2\nName: x, dtype: int64", Series.of("x", new long[] {1, 2}).toString());
    assertEquals("0    1.0\n1    2.0\ndtype: float64", Series.of(null, new double[] {1, 2}).toString());
    assertEquals("Series([], Name: x, dtype: object)", Series.of("x", new String[0]).toString());
  }

  @Test
  void emptyFrame() {
    assertEquals("Empty DataFrame\nColumns: [a]\nIndex: []", DataFrame.of("a", new double[0]).toString());
  }

  @Test
  void scientificForTinyAndHugeValues() {
    assertEquals("              x\n0  1.000000e-07\n1  1.000000e+00", DataFrame.of("x", new double[] {1e-7, 1}).toString());
    assertEquals("              x\n0  1.000000e+10\n1  1.500000e+00", DataFrame.of("x", new double[] {1e10, 1.5}).toString());
    assertEquals("            x\n0  10000000.0\n1         1.5", DataFrame.of("x", new double[] {1e7, 1.5}).toString());
  }

  @Test
  void truncatedFrame() {
    double[] v = new double[100];
    for (int i = 0; i < 100; i++) v[i] = i;
    String expected = String.join("\n",
        "       A",
        "0    0.0",
        "1    1.0",
        "2    2.0",
        "3    3.0",
        "4    4.0",
        "..   ...",
        "95  95.0",
        "96  96.0",
        "97  97.0",
        "98  98.0",
        "99  99.0",
        "",
        "[100 rows x 1 columns]");
    assertEquals(expected, DataFrame.of("A", v).toString());
  }

  @Test
  void truncatedSeries() {
    double[] v = new double[100];
    for (int i = 0; i < 100; i++) v[i] = i;
    String expected = String.join("\n",
        "0      0.0",
        "1      1.0",
        "2      2.0",
        "3      3.0",
        "4      4.0",
        "      ... ",
        "95    95.0",
        "96    96.0",
        "97    97.0",
        "98    98.0",
        "99    99.0",
        "Length: 100, dtype: float64");
    assertEquals(expected, Series.of(null, v).toString());
  }

  @Test
  void timestamps() {
    long day = 86_400_000_000L;
    assertEquals("           t\n0 1970-01-01\n1 1970-01-02",
        DataFrame.builder().addTimestamps("t", new long[] {0, day}).build().toString());
    assertEquals("                        t\n0 1970-01-01 00:00:00.000\n1 1970-01-02 00:00:01.500",
        DataFrame.builder().addTimestamps("t", new long[] {0, day + 1_500_000}).build().toString());
  }

  @Test
  void pythonRounding() {
    assertEquals(" 0.007812", CellText.fixed(0.0078125));
    assertEquals("-0.000000", CellText.fixed(-1e-9));
    assertEquals(" 1.234568e+20", CellText.scientific(1.2345675e20));
    assertEquals("-5.000000e-01", CellText.scientific(-0.5));
    assertEquals(" ...  ", PandasFormat.center("...", 6));
    assertEquals(" ..", PandasFormat.center("..", 3));
  }

  @Test
  void nullsPerDtype() {
    DataFrame left = DataFrame.builder().add("k", new String[] {"x", "y"}).build();
    DataFrame right = DataFrame.builder()
        .add("k", new String[] {"y"})
        .add("n", new long[] {5})
        .add("b", new boolean[] {true})
        .addTimestamps("t", new long[] {0})
        .add("f", new double[] {0.5})
        .build();
    String expected = String.join("\n",
        "   k     n     b          t    f",
        "0  x  <NA>  <NA>        NaT  NaN",
        "1  y     5  True 1970-01-01  0.5");
    assertEquals(expected, left.merge(right, dev.parjit.frame.JoinType.LEFT, "k").toString());
  }

  @Test
  void negativeAndAllNanFloats() {
    assertEquals("     x\n0 -1.5\n1  2.0", DataFrame.of("x", new double[] {-1.5, 2}).toString());
    assertEquals("    x\n0 NaN", DataFrame.of("x", new double[] {Double.NaN}).toString());
    assertEquals("     x\n0  inf\n1  1.0", DataFrame.of("x", new double[] {Double.POSITIVE_INFINITY, 1}).toString());
  }

  @Test
  void stringsAreEscapedAndCut() {
    String longText = "abcdefghij".repeat(6);
    // display.max_colwidth = 50 counts pandas' leading space: 1 + 46 characters + "..."
    String cut = " " + longText.substring(0, 46) + "...";
    String expected = String.join("\n",
        " ".repeat(51) + "s",
        "0 " + " ".repeat(40) + " tab\\there",
        "1 " + cut);
    assertEquals(expected, DataFrame.of("s", new String[] {"tab\there", longText}).toString());
  }

  @Test
  void seriesOfEveryKind() {
    assertEquals("0     True\n1    False\nName: b, dtype: bool", Series.of("b", new boolean[] {true, false}).toString());
    assertEquals("0       a\n1    None\nName: s, dtype: object", Series.of("s", new String[] {"a", null}).toString());
    assertEquals("0   1970-01-01 00:00:01\nName: t, dtype: datetime64[us]", Series.ofTimestamps("t", new long[] {1_000_000}).toString());
    assertEquals("x    1\ny    2\ndtype: int32", Series.of(null, new int[] {1, 2}).withLabels("x", "y").toString());
  }

  @Test
  void countSeriesOfAFrame() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", new double[] {1, Double.NaN});
    m.put("name", new String[] {"p", "q"});
    assertEquals("a       1\nname    2\ndtype: int64", DataFrame.of(m).count().toString());
  }
}
