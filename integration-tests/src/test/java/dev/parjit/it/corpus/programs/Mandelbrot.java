package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Escape-time counts per pixel of a width × height image flattened into one array; sizes in fields. */
public final class Mandelbrot implements EffectsProgram {

  private int width;
  private int height;
  private int maxIterations = 50;

  @Jit
  int[] render() {
    int[] counts = new int[width * height];
    for (int p = 0; p < width * height; p++) {
      double cr = -2 + 2.5 * (p % width) / width;
      double ci = -1.25 + 2.5 * (p / width) / height;
      double zr = 0;
      double zi = 0;
      int it = 0;
      while (it < maxIterations && zr * zr + zi * zi <= 4) {
        double t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        it++;
      }
      counts[p] = it;
    }
    return counts;
  }

  @Jit
  long totalIterations() {
    long total = 0;
    for (int row = 0; row < height; row++) {
      for (int col = 0; col < width; col++) {
        double cr = -2 + 2.5 * col / width;
        double ci = -1.25 + 2.5 * row / height;
        double zr = 0;
        double zi = 0;
        int it = 0;
        while (it < maxIterations && zr * zr + zi * zi <= 4) {
          double t = zr * zr - zi * zi + cr;
          zi = 2 * zr * zi + ci;
          zr = t;
          it++;
        }
        total += it;
      }
    }
    return total;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    width = 7;
    height = n;
    s.put("render", render());
    s.put("totalIterations", totalIterations());
  }
}
