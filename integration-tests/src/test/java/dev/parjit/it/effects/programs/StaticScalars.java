package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Static int, boxed Integer and String read by a kernel: the values the caller set just before the call. */
public final class StaticScalars implements EffectsProgram {

  static int offset;
  static Integer step;
  static String label;

  @Jit
  static String shift(long[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] + offset + step * i;
    }
    return label;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    long[] a = new long[n];
    offset = 10 + n;
    step = 3;
    label = "first-" + n;
    s.put("return1", shift(a));
    s.put("a1", a);
    offset = -1;
    step = n;
    label = "second-" + n;
    s.put("return2", shift(a));
    s.put("a2", a);
  }
}
