package dev.parjit.it.agent;

import dev.parjit.Jit;
import dev.parjit.Parjit;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls passing the same large read-only arrays again, changed in between or not: every answer is
 * the sequential one, and unchanged arrays are named instead of sent ({@code residentArgumentsReused}).
 */
public final class ResidentMain {

  private ResidentMain() { }

  @Jit
  static double weightedSum(double[] a, double f) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * f;
    }
    return s;
  }

  @Jit
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Jit
  static void copy(double[] a, double[] out) {
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
  }

  /** The raw bits of {@code out}'s first and last elements: what a NaN payload or a zero's sign leaves. */
  private static String bits(double[] out) {
    return "BITS " + Long.toHexString(Double.doubleToRawLongBits(out[0])) + " "
        + Long.toHexString(Double.doubleToRawLongBits(out[out.length - 1]));
  }

  /** The answers, the same with or without the agent. */
  public static List<String> results() {
    List<String> out = new ArrayList<>();
    double[] a = new double[100_000];
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 7;
    }
    for (int k = 0; k < 4; k++) {
      out.add("SUM " + weightedSum(a, k));
    }
    a[a.length - 1] = 1000; // changed in place: must be sent again
    out.add("CHANGED " + weightedSum(a, 1));
    out.add("DOT " + dot(a, a) + " " + dot(a, a));
    out.add("COPY " + weightedSum(a.clone(), 1));
    // Changes that only the bits show: a NaN's payload, a zero's sign. Each is sent again.
    double[] n = new double[100_000];
    double[] copied = new double[n.length];
    n[n.length - 1] = Double.NaN;
    copy(n, copied);
    out.add(bits(copied));
    n[n.length - 1] = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);
    copy(n, copied);
    out.add(bits(copied));
    n[0] = -0.0;
    copy(n, copied);
    out.add(bits(copied));
    return out;
  }

  public static void main(String[] args) {
    results().forEach(System.out::println);
    System.out.println("REUSED " + Parjit.stats().get("residentArgumentsReused"));
  }
}
