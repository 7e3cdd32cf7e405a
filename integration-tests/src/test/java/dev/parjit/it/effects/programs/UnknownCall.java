package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;
import java.util.ArrayList;
import java.util.List;

/** A loop calling an ordinary (non-@Jit) method that has its own side effect on a static list. */
public final class UnknownCall implements EffectsProgram {

  /** Records what the kernel told it, like a logger or a metrics registry would. */
  static final class Sink {
    static final List<Integer> NOTED = new ArrayList<>();

    static int note(int i) {
      NOTED.add(i);
      return i % 3;
    }
  }

  @Jit
  static void tally(double[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] += Sink.note(i);
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    Sink.NOTED.clear();
    double[] a = Data.doubles(n, 25);
    tally(a);
    s.put("a", a);
    s.put("noted", Sink.NOTED);
  }
}
