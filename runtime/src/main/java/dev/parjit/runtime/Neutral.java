package dev.parjit.runtime;

/**
 * Neutral elements of the reduction operators, by operator code ({@code ReductionOp.ordinal()}:
 * SUM 0, PROD 1, MIN 2, MAX 3, LAND 4, LOR 5, BAND 6, BOR 7, BXOR 8).
 */
final class Neutral {

  static final int SUM = 0;
  static final int PROD = 1;
  static final int MIN = 2;
  static final int MAX = 3;
  static final int LAND = 4;
  static final int LOR = 5;
  static final int BAND = 6;
  static final int BOR = 7;
  static final int BXOR = 8;

  private Neutral() { }

  static double ofDouble(int op) {
    switch (op) {
      // -0.0, not 0.0: -0.0 + x is x for every x, while 0.0 + -0.0 is 0.0, so a rank starting
      // from 0.0 would turn a sum of negative zeros (from -0.0) into 0.0.
      case SUM: return -0.0;
      case PROD: return 1.0;
      case MIN: return Double.POSITIVE_INFINITY;
      case MAX: return Double.NEGATIVE_INFINITY;
      default: throw unsupported(op, "double");
    }
  }

  static float ofFloat(int op) {
    return (float) ofDouble(op);
  }

  static long ofLong(int op) {
    switch (op) {
      case SUM: case LOR: case BOR: case BXOR: return 0L;
      case PROD: case LAND: return 1L;
      case MIN: return Long.MAX_VALUE;
      case MAX: return Long.MIN_VALUE;
      case BAND: return -1L;
      default: throw unsupported(op, "long");
    }
  }

  static int ofInt(int op) {
    switch (op) {
      case SUM: case LOR: case BOR: case BXOR: return 0;
      case PROD: case LAND: return 1;
      case MIN: return Integer.MAX_VALUE;
      case MAX: return Integer.MIN_VALUE;
      case BAND: return -1;
      default: throw unsupported(op, "int");
    }
  }

  private static IllegalArgumentException unsupported(int op, String type) {
    return new IllegalArgumentException("reduction operator " + op + " is not defined on " + type);
  }
}
