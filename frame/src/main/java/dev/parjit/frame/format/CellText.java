package dev.parjit.frame.format;

import dev.parjit.frame.DType;
import dev.parjit.frame.Series;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Formats the cells of one column the way pandas 2.x {@code format_array} does with
 * {@code leading_space=True} (an index is always printed): a leading space before every value
 * except datetimes, floats per {@code FloatArrayFormatter}.
 *
 * <p>Floats (display.precision = 6): every value is formatted {@code "{: .6f}"} with exact
 * half-even rounding (as Python), then trailing zeros are trimmed equally across the column
 * leaving at least one decimal. The column switches to {@code "{: .6e}"} when a non-zero value has
 * |v| &lt; 1e-6, or when the widest fixed cell is longer than 12 characters and some |v| &gt; 1e6
 * (pandas' exact rule). Missing floats print {@code NaN}.
 *
 * <p>Other missing values (our choice, following pandas' nullable dtypes): integers and booleans
 * {@code <NA>}, strings {@code None} (object dtype), timestamps {@code NaT}.
 *
 * <p>Timestamps: {@code yyyy-MM-dd} when every value is at midnight, else
 * {@code yyyy-MM-dd HH:mm:ss} plus {@code .SSS} or {@code .SSSSSS} when some value needs it.
 */
final class CellText {
  private static final int DIGITS = 6;
  private static final Pattern NUMBER = Pattern.compile("^\\s*[+-]?[0-9]+\\.[0-9]*$");

  private CellText() {}

  /** Cell strings of {@code s} at {@code rows}, not yet padded to a common width. */
  static List<String> cells(Series s, int[] rows) {
    switch (s.dtype()) {
      case FLOAT64: {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) v[i] = s.getDouble(rows[i]);
        return floats(v);
      }
      case TIMESTAMP:
        return timestamps(s, rows);
      default: {
        List<String> out = new ArrayList<>(rows.length);
        for (int r : rows) out.add(" " + scalar(s, r));
        return out;
      }
    }
  }

  /** One value as pandas prints it inside a column, without the leading space. */
  private static String scalar(Series s, int r) {
    DType t = s.dtype();
    if (s.isNull(r)) return t == DType.STRING ? "None" : "<NA>";
    switch (t) {
      case INT64: case INT32: return Long.toString(s.getLong(r));
      case BOOL: return s.getBoolean(r) ? "True" : "False";
      case STRING: return escape(s.getString(r));
      default: throw new AssertionError(t);
    }
  }

  private static String escape(String x) {
    return x.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
  }

  /** pandas' float column formatting (see class comment). */
  static List<String> floats(double[] v) {
    List<String> fixed = new ArrayList<>(v.length);
    for (double x : v) fixed.add(Double.isNaN(x) ? "NaN" : fixed(x));
    fixed = trimZeros(fixed);
    int maxLen = 0;
    boolean large = false;
    boolean small = false;
    for (int i = 0; i < v.length; i++) {
      maxLen = Math.max(maxLen, fixed.get(i).length());
      double a = Math.abs(v[i]);
      if (a > 1e6) large = true;
      if (a > 0 && a < 1e-6) small = true;
    }
    if (small || (maxLen > DIGITS + 6 && large)) {
      List<String> sci = new ArrayList<>(v.length);
      for (double x : v) sci.add(Double.isNaN(x) ? "NaN" : scientific(x));
      return sci;
    }
    return fixed;
  }

  /** Python's {@code "{: .6f}".format(x)}. */
  static String fixed(double x) {
    if (Double.isInfinite(x)) return x > 0 ? " inf" : "-inf";
    boolean neg = x < 0 || (x == 0 && 1 / x < 0);
    String digits = new BigDecimal(Math.abs(x)).setScale(DIGITS, RoundingMode.HALF_EVEN).toPlainString();
    return (neg ? "-" : " ") + digits;
  }

  /** Python's {@code "{: .6e}".format(x)}. */
  static String scientific(double x) {
    if (Double.isInfinite(x)) return x > 0 ? " inf" : "-inf";
    boolean neg = x < 0 || (x == 0 && 1 / x < 0);
    String sign = neg ? "-" : " ";
    double a = Math.abs(x);
    if (a == 0) return sign + "0.000000e+00";
    BigDecimal bd = new BigDecimal(a).round(new MathContext(DIGITS + 1, RoundingMode.HALF_EVEN));
    String u = bd.unscaledValue().toString();
    int scale = bd.scale();
    StringBuilder d = new StringBuilder(u);
    while (d.length() < DIGITS + 1) {
      d.append('0');
      scale++;
    }
    int exp = (d.length() - 1) - scale;
    String e = Integer.toString(Math.abs(exp));
    if (e.length() < 2) e = "0" + e;
    return sign + d.charAt(0) + "." + d.substring(1, DIGITS + 1) + "e" + (exp < 0 ? "-" : "+") + e;
  }

  /** pandas' {@code _trim_zeros_float}: trim trailing zeros equally, keep one decimal. */
  static List<String> trimZeros(List<String> values) {
    List<String> out = new ArrayList<>(values);
    while (true) {
      boolean any = false;
      boolean allZero = true;
      for (String x : out) {
        if (NUMBER.matcher(x).matches()) {
          any = true;
          if (!x.endsWith("0")) allZero = false;
        }
      }
      if (!any || !allZero) break;
      for (int i = 0; i < out.size(); i++) {
        String x = out.get(i);
        if (NUMBER.matcher(x).matches()) out.set(i, x.substring(0, x.length() - 1));
      }
    }
    for (int i = 0; i < out.size(); i++) {
      String x = out.get(i);
      if (NUMBER.matcher(x).matches() && x.endsWith(".")) out.set(i, x + "0");
    }
    return out;
  }

  private static List<String> timestamps(Series s, int[] rows) {
    boolean datesOnly = true;
    int frac = 0;
    for (int r : rows) {
      if (s.isNull(r)) continue;
      long us = s.getLong(r);
      long inDay = Math.floorMod(us, 86_400_000_000L);
      if (inDay != 0) datesOnly = false;
      long sub = Math.floorMod(us, 1_000_000L);
      if (sub % 1000 != 0) frac = 6;
      else if (sub != 0 && frac < 3) frac = 3;
    }
    List<String> out = new ArrayList<>(rows.length);
    for (int r : rows) {
      if (s.isNull(r)) {
        out.add("NaT");
        continue;
      }
      String t = s.getTimestamp(r).toString(); // ISO: yyyy-MM-ddTHH:mm[:ss[.fraction]]
      String date = t.substring(0, 10);
      if (datesOnly) {
        out.add(date);
        continue;
      }
      long us = s.getLong(r);
      long secOfDay = Math.floorMod(Math.floorDiv(us, 1_000_000L), 86_400L);
      String time = String.format("%02d:%02d:%02d", secOfDay / 3600, secOfDay / 60 % 60, secOfDay % 60);
      long sub = Math.floorMod(us, 1_000_000L);
      if (frac == 3) time += String.format(".%03d", sub / 1000);
      if (frac == 6) time += String.format(".%06d", sub);
      out.add(date + " " + time);
    }
    return out;
  }
}
