package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Row-major {@code h × w} grids in 1-D arrays, {@code h} a parameter rather than a length: the interior
 * columns {@code 1 .. w - 2} of every row, the element kept in {@code c = i * w + j}, its neighbours
 * {@code c ± 1} in the same row. Called with matching sizes, in place ({@code a == b}), with more rows than
 * the arrays hold (the sequential {@code ArrayIndexOutOfBoundsException} after the earlier rows are
 * written), fewer rows, a length that is no multiple of {@code w}, rows too narrow for any interior, and a
 * width so negative that {@code w - 1} wraps.
 */
public final class FlatRows2D implements EffectsProgram {

  /** {@code b}'s interior from {@code a}'s: each element plus the mean of its left and right neighbours. */
  @Jit
  static void scaleInterior(double[] a, double[] b, int h, int w) {
    for (int i = 0; i < h; i++) {
      for (int j = 1; j < w - 1; j++) {
        int c = i * w + j;
        b[c] = 0.5 * (a[c - 1] + a[c + 1]) + a[c];
      }
    }
  }

  private static void call(State s, String key, double[] a, double[] b, int h, int w) {
    try {
      scaleInterior(a, b, h, w);
      s.put(key + ".thrown", "none");
    } catch (RuntimeException e) {
      s.put(key + ".thrown", e.getClass().getName() + ": " + e.getMessage());
    }
    s.put(key + ".a", a);
    s.put(key + ".b", b);
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int w = 5;
    call(s, "grid", CorpusData.flat(n, w, 71), CorpusData.flat(n, w, 72), n, w);
    double[] u = CorpusData.flat(n, w, 73);
    call(s, "inPlace", u, u, n, w);
    call(s, "moreRows", CorpusData.flat(n, w, 74), CorpusData.flat(n, w, 75), n + 1, w);
    call(s, "fewerRows", CorpusData.flat(n, w, 76), CorpusData.flat(n, w, 77), n / 2, w);
    double[] tail = new double[n * w + 2];
    System.arraycopy(CorpusData.flat(n, w, 78), 0, tail, 0, n * w);
    call(s, "tail", tail, new double[n * w + 2], n, w);
    call(s, "narrow", CorpusData.flat(n, 2, 79), CorpusData.flat(n, 2, 80), n, 2);
    // w - 1 wraps to Integer.MAX_VALUE: row 0 runs off the array's end (rows of w <= 0 all sit on rank 0)
    call(s, "wrapped", CorpusData.flat(n, w, 81), CorpusData.flat(n, w, 82), 3, Integer.MIN_VALUE);
  }
}
