package dev.parjit.it.agent;

import dev.parjit.Jit;
import dev.parjit.Parjit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code @Jit} method returning a fresh {@code double[][]} whose rows follow its parallel loop,
 * called with fewer rows than ranks, none, and many: the driver assembles the array from every
 * rank's rows ({@code returnedRowsAssembled}), and the caller gets the sequential array.
 */
public final class ReturnedRowsMain {

  private ReturnedRowsMain() { }

  static final int[] ROWS = {0, 1, 2, 3, 50};

  @Jit
  static double[][] table(int rows, int cols, double scale) {
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      double[] row = out[i];
      for (int j = 0; j < cols; j++) {
        row[j] = (i * 31 + j) * scale;
      }
    }
    return out;
  }

  /** The answers, the same with or without the agent. */
  public static List<String> results() {
    List<String> out = new ArrayList<>();
    for (int rows : ROWS) {
      double[][] t = table(rows, 4, 0.5);
      boolean distinct = true;
      for (int i = 1; i < t.length; i++) {
        distinct &= t[i] != t[i - 1];
      }
      out.add("TABLE " + rows + " " + t.getClass().getSimpleName() + " distinct=" + distinct + " "
          + Arrays.deepToString(t));
    }
    return out;
  }

  public static void main(String[] args) {
    results().forEach(System.out::println);
    System.out.println("STAT returnedRowsAssembled " + Parjit.stats().get("returnedRowsAssembled"));
    System.out.println("STAT callsRunOnDriverAfterFailure " + Parjit.stats().get("callsRunOnDriverAfterFailure"));
  }
}
