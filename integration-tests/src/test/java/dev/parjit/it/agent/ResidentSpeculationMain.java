package dev.parjit.it.agent;

import dev.parjit.Jit;
import dev.parjit.Parjit;
import java.util.ArrayList;
import java.util.List;

/**
 * A loop passing the same large array to a kernel, changed in place before one call after the
 * driver has begun comparing it only while the workers run: that call's first answer, computed from
 * the workers' stale copy, must be discarded and the call sent again, so every answer is the
 * sequential one.
 */
public final class ResidentSpeculationMain {

  private ResidentSpeculationMain() { }

  static final int CALLS = 6;
  static final int CHANGED_BEFORE = 3;

  @Jit
  static double scaledSum(double[] a, double f) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * f + i;
    }
    return s;
  }

  /** The answers, the same with or without the agent. */
  public static List<String> results() {
    List<String> out = new ArrayList<>();
    double[] a = new double[200_003]; // 1.6 MB: compared in slices on the driver
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 11;
    }
    for (int call = 0; call < CALLS; call++) {
      if (call == CHANGED_BEFORE) {
        a[a.length - 2] = -1000.5; // one element, in the last rank's block
      }
      out.add("SUM " + call + " " + scaledSum(a, call + 1));
    }
    return out;
  }

  public static void main(String[] args) {
    results().forEach(System.out::println);
    java.util.Map<String, Long> stats = Parjit.stats();
    System.out.println("STAT residentSpeculationsFailed " + stats.get("residentSpeculationsFailed"));
    System.out.println("STAT residentArgumentsReused " + stats.get("residentArgumentsReused"));
    System.out.println("STAT callsRunOnDriverAfterFailure " + stats.get("callsRunOnDriverAfterFailure"));
  }
}
