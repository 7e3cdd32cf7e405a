package dev.parjit.runtime;

/**
 * Two partial results of a reduction combined by its operator code ({@link Neutral}'s numbering) with
 * the Java operator the loop itself applies, so a fold over ranks gives what MPI's operator gives
 * (integers wrap alike; logical and/or work on 0/1 as {@code MpjCommunicator} normalises them), and
 * floating min/max keep {@code Math.min/max}'s NaN and signed-zero rules (as {@code JavaExtrema}).
 */
final class Folds {

  private Folds() { }

  static double ofDouble(double a, double b, int op) {
    switch (op) {
      case Neutral.SUM: return a + b;
      case Neutral.PROD: return a * b;
      case Neutral.MIN: return Math.min(a, b);
      case Neutral.MAX: return Math.max(a, b);
      default: throw new IllegalArgumentException("reduction operator " + op + " is not defined on double");
    }
  }

  static float ofFloat(float a, float b, int op) {
    switch (op) {
      case Neutral.SUM: return a + b;
      case Neutral.PROD: return a * b;
      case Neutral.MIN: return Math.min(a, b);
      case Neutral.MAX: return Math.max(a, b);
      default: throw new IllegalArgumentException("reduction operator " + op + " is not defined on float");
    }
  }

  /** A single contribution as the operator sees it: logical operators take 0/1. */
  static long normalized(long a, int op) {
    return op == Neutral.LAND || op == Neutral.LOR ? (a != 0 ? 1 : 0) : a;
  }

  static long ofLong(long a, long b, int op) {
    switch (op) {
      case Neutral.SUM: return a + b;
      case Neutral.PROD: return a * b;
      case Neutral.MIN: return Math.min(a, b);
      case Neutral.MAX: return Math.max(a, b);
      case Neutral.LAND: return a != 0 && b != 0 ? 1 : 0;
      case Neutral.LOR: return a != 0 || b != 0 ? 1 : 0;
      case Neutral.BAND: return a & b;
      case Neutral.BOR: return a | b;
      case Neutral.BXOR: return a ^ b;
      default: throw new IllegalArgumentException("reduction operator " + op + " is not defined on long");
    }
  }

  static int ofInt(int a, int b, int op) {
    return (int) ofLong(a, b, op);
  }
}
