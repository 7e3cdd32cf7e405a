package dev.parjit.analysis.targets;

/** Fixed rows of a replicated array written at a loop's index, and loops that look alike but are not. */
public final class SharedRowTargets {

  private static double[] table = new double[8];

  private SharedRowTargets() { }

  private static double term(int i, int select) {
    return select == 0 ? Math.sin(i) : Math.cos(i) / (1 + i);
  }

  private static double lookup(int i) {
    return table[i % table.length];
  }

  /** Both rows at the index, a trailing store after the loop. */
  public static void coefficients(double[][] c, int n) {
    for (int i = 1; i < n; i++) {
      c[0][i] = term(i, 0);
      c[1][i] = term(i, 1);
    }
    c[0][0] = term(0, 0) / 2;
  }

  /** Reads what the previous iteration wrote into the row. */
  public static void running(double[][] c, int n) {
    for (int i = 1; i < n; i++) {
      c[0][i] = c[0][i - 1] + 1;
    }
  }

  /** Reads another array: it may be one of c's rows. */
  public static void fromArray(double[][] c, double[] x, int n) {
    for (int i = 0; i < n; i++) {
      c[0][i] = 2 * x[i];
    }
  }

  /** Its helper reads an array held in a static. */
  public static void throughStatic(double[][] c, int n) {
    for (int i = 0; i < n; i++) {
      c[1][i] = lookup(i);
    }
  }

  /** A row chosen by a variable, not a constant. */
  public static void variableRow(double[][] c, int r, int n) {
    for (int i = 0; i < n; i++) {
      c[r][i] = i;
    }
  }
}
