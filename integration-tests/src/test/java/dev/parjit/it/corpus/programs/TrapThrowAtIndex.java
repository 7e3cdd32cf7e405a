package dev.parjit.it.corpus.programs;

import dev.parjit.Jit;
import dev.parjit.it.corpus.CorpusData;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;

/**
 * Trap: row normalisation that meets a zero row and throws, caught by the caller: the rows before
 * it are normalised, the rest untouched, and the message names the row.
 */
public final class TrapThrowAtIndex implements EffectsProgram {

  private double[][] rows;

  @Jit
  void normalizeRows() {
    for (int i = 0; i < rows.length; i++) {
      double norm = 0;
      for (int j = 0; j < rows[i].length; j++) {
        norm += Math.abs(rows[i][j]);
      }
      if (norm == 0) {
        throw new IllegalArgumentException("row " + i + " is zero");
      }
      for (int j = 0; j < rows[i].length; j++) {
        rows[i][j] /= norm;
      }
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    rows = CorpusData.matrix(n, 3, 108);
    if (n > 2) {
      java.util.Arrays.fill(rows[2 * n / 3], 0);
    }
    try {
      normalizeRows();
      s.noException();
    } catch (IllegalArgumentException e) {
      s.thrown(e);
    }
    s.put("rows", rows);
  }
}
