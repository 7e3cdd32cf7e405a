package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** A 5-point stencil on a row-major flattened grid, {@code u[(i ± 1) * w + j]}, in a time loop. */
public final class Stencil5Flat implements EffectsProgram {

  // target: parallel (halo, rows2d): rows split, neighbour rows exchanged
  @Jit
  static double[] diffuse(double[] u, int h, int w, int steps) {
    double[] a = u.clone();
    double[] b = u.clone();
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < h - 1; i++) {
        for (int j = 1; j < w - 1; j++) {
          int c = i * w + j;
          b[c] = a[c] + 0.125 * (a[c - w] + a[c + w] + a[c - 1] + a[c + 1] - 4 * a[c]);
        }
      }
      double[] swap = a;
      a = b;
      b = swap;
    }
    return a;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] u = CorpusData.flat(n, 5, 43);
    s.put("diffuse", diffuse(u, n, 5, 3));
    s.put("u", u);
  }
}
