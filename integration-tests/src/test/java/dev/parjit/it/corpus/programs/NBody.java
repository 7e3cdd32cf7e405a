package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Direct-sum N-body forces in 2-D over bodies held in field arrays: each body's force sums over
 * every other body (parallel over the body, positions read whole), a velocity kick, and the
 * kinetic energy, driven by a plain-Java time loop.
 */
public final class NBody implements EffectsProgram {

  private static final double SOFTENING = 0.01;

  private double[] x;
  private double[] y;
  private double[] vx;
  private double[] vy;
  private double[] mass;
  private double[] fx;
  private double[] fy;

  @Jit
  void computeForces() {
    int n = x.length;
    for (int i = 0; i < n; i++) {
      double ax = 0;
      double ay = 0;
      for (int j = 0; j < n; j++) {
        double dx = x[j] - x[i];
        double dy = y[j] - y[i];
        double r2 = dx * dx + dy * dy + SOFTENING;
        double inv = mass[j] / (r2 * Math.sqrt(r2));
        ax += dx * inv;
        ay += dy * inv;
      }
      fx[i] = ax;
      fy[i] = ay;
    }
  }

  @Jit
  void kickDrift(double dt) {
    for (int i = 0; i < x.length; i++) {
      vx[i] += dt * fx[i];
      vy[i] += dt * fy[i];
      x[i] += dt * vx[i];
      y[i] += dt * vy[i];
    }
  }

  @Jit
  double kineticEnergy() {
    double e = 0;
    for (int i = 0; i < mass.length; i++) {
      e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i]);
    }
    return e;
  }

  @Override
  public void run(int size) {
    State s = new State(this, size);
    int n = CorpusData.dim(size);
    // Offsets keep positions away from 0, where a relative tolerance would be meaningless.
    x = Data.doubles(n, 80);
    y = Data.doubles(n, 81);
    for (int i = 0; i < n; i++) {
      x[i] += 0.3;
      y[i] += 0.7;
    }
    vx = new double[n];
    vy = new double[n];
    mass = new double[n];
    for (int i = 0; i < n; i++) {
      mass[i] = 1 + i % 3;
    }
    fx = new double[n];
    fy = new double[n];
    double[] energies = new double[3];
    for (int step = 0; step < 3; step++) {
      computeForces();
      kickDrift(0.01);
      energies[step] = kineticEnergy();
    }
    s.put("energies", energies);
    s.put("x", x);
    s.put("y", y);
    s.put("vx", vx);
    s.put("vy", vy);
    s.put("fx", fx);
    s.put("fy", fy);
    s.put("mass", mass);
  }
}
