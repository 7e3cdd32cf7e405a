package dev.parjit.frame.format;

import dev.parjit.frame.DataFrame;
import dev.parjit.frame.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code toString()} of frames and series, matching pandas 2.x {@code print()} with default
 * options for the common cases: a left-justified index, right-justified columns (cells carry
 * pandas' leading space, then one separating space; three for a Series), at most 60 rows (else
 * the first 5 and last 5 around a {@code ...} row, and a dimensions footer), cells longer than
 * 50 characters cut to 47 plus {@code ...}.
 *
 * <p>Not modelled: horizontal truncation and wrapping of wide frames (display.width), index
 * labels other than 0..n-1 for frames (our frames have no index; pandas would keep the original
 * labels after a filter or tail).
 */
public final class PandasFormat {
  static final int MAX_ROWS = 60;
  static final int MIN_ROWS = 10;
  static final int MAX_COLWIDTH = 50;

  private PandasFormat() {}

  /** {@code print(df)}. */
  public static String frame(DataFrame df) {
    int n = df.numRows();
    List<String> names = df.columns();
    if (n == 0 || names.isEmpty()) {
      return "Empty DataFrame\nColumns: [" + String.join(", ", names) + "]\nIndex: []";
    }
    boolean truncated = n > MAX_ROWS;
    int[] rows = rows(n, truncated);
    List<List<String>> columns = new ArrayList<>();
    List<String> index = new ArrayList<>();
    index.add("");
    for (int r : rows) index.add(Integer.toString(r));
    columns.add(justify(index, width(index), false));
    for (String name : names) {
      Series s = df.column(name);
      // pandas puts a leading space before numeric column headers, as before numeric values.
      String header = s.dtype().isNumeric() ? " " + name : name;
      List<String> cells = fixedWidth(CellText.cells(s, rows));
      int w = Math.max(width(cells), header.length());
      List<String> col = new ArrayList<>();
      col.add(header);
      col.addAll(cells);
      columns.add(justify(col, w, true));
    }
    if (truncated) {
      int at = MIN_ROWS / 2 + 1; // after the header and the first five rows
      for (int c = 0; c < columns.size(); c++) {
        List<String> col = columns.get(c);
        int w = col.get(at - 1).length();
        String dots = w > 3 ? "..." : "..";
        col.add(at, c == 0 ? pad(dots, w, false) : pad(dots, w, true));
      }
    }
    StringBuilder sb = new StringBuilder(adjoin(1, columns));
    if (truncated) sb.append("\n\n[").append(n).append(" rows x ").append(names.size()).append(" columns]");
    return sb.toString();
  }

  /** {@code print(series)}. */
  public static String series(Series s) {
    int n = s.size();
    String footer = footer(s, false);
    if (n == 0) return "Series([], " + footer + ")";
    boolean truncated = n > MAX_ROWS;
    int[] rows = rows(n, truncated);
    List<String> index = new ArrayList<>();
    for (int r : rows) index.add(s.label(r));
    List<String> values = fixedWidth(CellText.cells(s, rows));
    if (truncated) {
      int at = MIN_ROWS / 2;
      int w = values.get(at - 1).length();
      values.add(at, center(w > 3 ? "..." : "..", w));
      index.add(at, "");
    }
    List<List<String>> columns = new ArrayList<>();
    columns.add(justify(index, width(index), false));
    columns.add(values);
    return adjoin(3, columns) + "\n" + footer(s, truncated);
  }

  private static String footer(Series s, boolean truncated) {
    List<String> parts = new ArrayList<>();
    if (s.name() != null) parts.add("Name: " + s.name());
    if (truncated) parts.add("Length: " + s.size());
    parts.add("dtype: " + s.dtype().pandasName());
    return String.join(", ", parts);
  }

  private static int[] rows(int n, boolean truncated) {
    if (!truncated) {
      int[] r = new int[n];
      for (int i = 0; i < n; i++) r[i] = i;
      return r;
    }
    int half = MIN_ROWS / 2;
    int[] r = new int[MIN_ROWS];
    for (int i = 0; i < half; i++) {
      r[i] = i;
      r[half + i] = n - half + i;
    }
    return r;
  }

  /** pandas' {@code _make_fixed_width}: cut cells over 50 characters, right-justify. */
  private static List<String> fixedWidth(List<String> cells) {
    int w = Math.min(width(cells), MAX_COLWIDTH);
    List<String> out = new ArrayList<>(cells.size());
    for (String c : cells) out.add(pad(c.length() > w ? c.substring(0, w - 3) + "..." : c, w, true));
    return out;
  }

  private static int width(List<String> cells) {
    int w = 0;
    for (String c : cells) w = Math.max(w, c.length());
    return w;
  }

  private static List<String> justify(List<String> cells, int w, boolean right) {
    List<String> out = new ArrayList<>(cells.size());
    for (String c : cells) out.add(pad(c, w, right));
    return out;
  }

  private static String pad(String s, int w, boolean right) {
    if (s.length() >= w) return s;
    String sp = " ".repeat(w - s.length());
    return right ? sp + s : s + sp;
  }

  /** Python's {@code str.center}. */
  static String center(String s, int w) {
    int marg = w - s.length();
    if (marg <= 0) return s;
    int left = marg / 2 + (marg & w & 1);
    return " ".repeat(left) + s + " ".repeat(marg - left);
  }

  /** pandas' {@code adjoin}: every column but the last left-justified to its width plus {@code space}. */
  private static String adjoin(int space, List<List<String>> columns) {
    int rows = columns.get(0).size();
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      if (r > 0) sb.append('\n');
      for (int c = 0; c < columns.size(); c++) {
        List<String> col = columns.get(c);
        int w = width(col) + (c < columns.size() - 1 ? space : 0);
        sb.append(pad(col.get(r), w, false));
      }
    }
    return sb.toString();
  }
}
