package dev.parjit.it.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two STATE lines: the text around the numbers must be equal, integers must be equal,
 * and floating values (they print with a '.', an exponent, NaN or Infinity) may differ by a
 * relative 1e-9, or 1e-4 on keys marked {@code (float)}: reductions add in a different order. NaN,
 * infinities and zeros (with their sign) must match exactly.
 */
public final class Tolerance {

  static final double DOUBLE = 1e-9;
  static final double FLOAT = 1e-4;

  private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+(?:\\.\\d+)?(?:E-?\\d+)?|NaN|Infinity)");

  private Tolerance() { }

  /** Whether {@code actual} is {@code expected} up to the tolerance on its floating values. */
  public static boolean same(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    List<String> e = new ArrayList<>();
    List<String> a = new ArrayList<>();
    if (!skeleton(expected, e).equals(skeleton(actual, a)) || e.size() != a.size()) {
      return false;
    }
    double tol = expected.contains("(float)=") ? FLOAT : DOUBLE;
    for (int i = 0; i < e.size(); i++) {
      if (!e.get(i).equals(a.get(i)) && !close(e.get(i), a.get(i), tol)) {
        return false;
      }
    }
    return true;
  }

  private static boolean close(String x, String y, double tol) {
    if (!floating(x) && !floating(y)) {
      return false;
    }
    double u = Double.parseDouble(x);
    double v = Double.parseDouble(y);
    // Zeros keep their sign: no reordering of a sum turns 0.0 into -0.0 from the same start, while
    // a MIN or MAX combined the wrong way does.
    if (Double.isNaN(u) || Double.isNaN(v) || Double.isInfinite(u) || Double.isInfinite(v) || u == 0 || v == 0) {
      return Double.compare(u, v) == 0;
    }
    return Math.abs(u - v) <= tol * Math.max(Math.abs(u), Math.abs(v));
  }

  private static boolean floating(String token) {
    return token.contains(".") || token.contains("E") || token.contains("NaN") || token.contains("Infinity");
  }

  /** The line with every number replaced by '#'; the numbers go into {@code numbers}. */
  private static String skeleton(String line, List<String> numbers) {
    Matcher m = NUMBER.matcher(line);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      numbers.add(m.group());
      m.appendReplacement(sb, "#");
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
