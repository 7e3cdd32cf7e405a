package dev.parjit.it.agent;

import dev.parjit.Jit;
import dev.parjit.Parjit;

/**
 * A class whose static initializer prints, with a {@code @Jit} method that runs on the workers:
 * the line appears once, as without the agent, not once more per worker.
 */
public final class StaticInitializerMain {

  static final double SCALE;

  static {
    SCALE = 2.5;
    System.out.println("INIT StaticInitializerMain");
    System.err.println("INIT-ERR StaticInitializerMain");
  }

  private StaticInitializerMain() { }

  @Jit
  static double scaledSum(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * SCALE;
    }
    return s;
  }

  public static void main(String[] args) {
    double[] a = new double[100];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    System.out.println("RESULT " + scaledSum(a));
    System.out.println("STAT callsRunOnDriverAfterFailure " + Parjit.stats().get("callsRunOnDriverAfterFailure"));
  }
}
