package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Traps that look like rows in a 1-D array but are not: pairs whose update reads the next pair
 * ({@code v[i] += v[i + 2]}, {@code i += 2}), a block that copies the next block ({@code data[base + 8]}),
 * and a width read from a field the loop changes.
 */
public final class TrapFlatRows implements EffectsProgram {

  private int width = 2;

  @Jit
  static void foldNextPair(int[] v) {
    for (int i = 0; i + 2 < v.length; i += 2) {
      v[i] += v[i + 2];
    }
  }

  @Jit
  static void copyNextBlock(byte[] data) {
    int blocks = data.length / 8 - 1;
    for (int b = 0; b < blocks; b++) {
      int base = 8 * b;
      data[base] = data[base + 8];
      data[base + 1] = (byte) (data[base + 9] + 1);
    }
  }

  @Jit
  void stretch(double[] a) {
    for (int i = 0; i < a.length / 4; i++) {
      a[width * i] += 1;
      width = 2 + i % 2;
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] v = Data.ints(2 * n + 1, 130);
    foldNextPair(v);
    s.put("v", v);
    byte[] data = new byte[8 * n + 3];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 37 + n);
    }
    copyNextBlock(data);
    s.put("data", data);
    width = 2;
    double[] a = Data.doubles(4 * n + 1, 131);
    stretch(a);
    s.put("a", a);
    s.put("width", width);
  }
}
