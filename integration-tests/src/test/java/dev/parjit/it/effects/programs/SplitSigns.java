package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Writes two output parameters from one input in the same loop. */
public final class SplitSigns implements EffectsProgram {

  @Jit
  static void split(double[] src, double[] pos, double[] neg) {
    for (int i = 0; i < src.length; i++) {
      pos[i] = src[i] > 0 ? src[i] : 0;
      neg[i] = src[i] < 0 ? src[i] : 0;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    double[] src = Data.doubles(n, 29);
    double[] pos = Data.filled(n, 9);
    double[] neg = Data.filled(n, 9);
    split(src, pos, neg);
    s.put("pos", pos);
    s.put("neg", neg);
    s.put("src", src);
  }
}
