package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * A 1-D three-point Jacobi relaxation: a time loop with swapped buffers inside an instance method,
 * and a single sweep called from a plain-Java time loop that swaps the buffers itself.
 */
public final class Jacobi1D implements EffectsProgram {

  private double[] u;
  private double[] v;
  private int steps;

  // target: parallel (halo): the sweep reads u[i-1], u[i+1], writes v[i]; buffers swapped per step
  @Jit
  void relax() {
    double[] from = u;
    double[] to = v;
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < from.length - 1; i++) {
        to[i] = (from[i - 1] + 2 * from[i] + from[i + 1]) * 0.25;
      }
      double[] swap = from;
      from = to;
      to = swap;
    }
  }

  // target: parallel (halo): one sweep, read-only source with fixed offsets
  @Jit
  static void sweep(double[] from, double[] to) {
    for (int i = 1; i < from.length - 1; i++) {
      to[i] = 0.5 * (from[i - 1] + from[i + 1]);
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    u = Data.doubles(n, 40);
    v = u.clone();
    steps = 3;
    relax();
    s.put("u", u);
    s.put("v", v);
    double[] p = Data.doubles(n, 41);
    double[] q = p.clone();
    for (int t = 0; t < 4; t++) {
      sweep(p, q);
      double[] swap = p;
      p = q;
      q = swap;
    }
    s.put("p", p);
    s.put("q", q);
  }
}
