package dev.parjit.analysis.targets;

/**
 * A sparse product repeated inside the method, as a solver's iterations repeat it: the matrix's
 * exchanges may be computed once per call only when nothing in the method may write the matrix.
 */
public final class InvariantMatrixTargets {

  private InvariantMatrixTargets() { }

  /** The matrix only read: its exchanges are computed once per call. */
  public static double[] repeated(int[] rowPtr, int[] colIdx, double[] values, int n, int reps) {
    double[] v = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * 0.5 + 1;
    }
    for (int t = 0; t < reps; t++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          s += values[k] * v[colIdx[k]];
        }
        y[i] = s;
      }
      for (int i = 0; i < n; i++) {
        v[i] = y[i] * 0.5;
      }
    }
    return y;
  }

  /** As {@link #repeated}, then one column index written after the iterations. */
  public static double[] writtenAfter(int[] rowPtr, int[] colIdx, double[] values, int n, int reps) {
    double[] v = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * 0.5 + 1;
    }
    for (int t = 0; t < reps; t++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          s += values[k] * v[colIdx[k]];
        }
        y[i] = s;
      }
      for (int i = 0; i < n; i++) {
        v[i] = y[i] * 0.5;
      }
    }
    colIdx[0] = 0;
    return y;
  }

  /** As {@link #repeated}, the column indices also passed to a method the analysis does not look into. */
  public static double[] passedToCall(int[] rowPtr, int[] colIdx, double[] values, int n, int reps) {
    double[] v = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * 0.5 + 1;
    }
    for (int t = 0; t < reps; t++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          s += values[k] * v[colIdx[k]];
        }
        y[i] = s;
      }
      for (int i = 0; i < n; i++) {
        v[i] = y[i] * 0.5;
      }
      reorder(colIdx);
    }
    return y;
  }

  /** As {@link #repeated}, and another parameter written: the caller may pass the values as it. */
  public static double[] otherParameterWritten(int[] rowPtr, int[] colIdx, double[] values, double[] out, int n,
      int reps) {
    double[] v = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * 0.5 + 1;
    }
    for (int t = 0; t < reps; t++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          s += values[k] * v[colIdx[k]];
        }
        y[i] = s;
      }
      for (int i = 0; i < n; i++) {
        v[i] = y[i] * 0.5;
      }
      out[0] = t;
    }
    return y;
  }

  /** As {@link #repeated}, the row pointer written through a copy of its variable. */
  public static double[] writtenThroughACopy(int[] rowPtr, int[] colIdx, double[] values, int n, int reps) {
    double[] v = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * 0.5 + 1;
    }
    int[] same = rowPtr;
    for (int t = 0; t < reps; t++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          s += values[k] * v[colIdx[k]];
        }
        y[i] = s;
      }
      for (int i = 0; i < n; i++) {
        v[i] = y[i] * 0.5;
      }
      same[0] = 0;
    }
    return y;
  }

  private static void reorder(int[] col) {
    // a callee the analysis does not look into: it could write col
  }
}
