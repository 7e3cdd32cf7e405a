package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/** Trap: a loop that prints a running total at each element (output order and carried state). */
public final class TrapPrintRunning implements EffectsProgram {

  private double[] balances;

  @Jit
  double report() {
    double running = 0;
    for (int i = 0; i < balances.length; i++) {
      running += balances[i];
      System.out.println("OUT TrapPrintRunning " + balances.length + " i=" + i + " running=" + running);
    }
    return running;
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    balances = Data.doubles(n, 107);
    s.put("report", report());
    s.put("balances", balances);
  }
}
