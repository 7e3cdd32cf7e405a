package dev.parjit.agent.diagnostics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.Jit;
import dev.parjit.analysis.plan.ExecutionMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnDemandDiagnosticsTest {

  /** A benchmark-style class: the kernel writes an array held in a field. */
  static final class Scaled {
    double[] out = new double[0];
    double[] in = new double[0];

    @Jit
    void scale() {
      for (int i = 0; i < out.length; i++) {
        out[i] = 2 * in[i];
      }
    }
  }

  @Test
  void spawnModeDiagnosticsShowTheFieldsAsTheyAreCompiled() {
    String spawn = new OnDemandDiagnostics(ExecutionMode.SPAWN, List.of(), false, 1).diagnostics(Scaled.class, "scale");
    assertTrue(spawn.contains("1D_Block") && spawn.contains("out"), spawn);
    String spmd = new OnDemandDiagnostics(ExecutionMode.SPMD, List.of(), false, 1).diagnostics(Scaled.class, "scale");
    assertTrue(spmd.contains("not distributed with the loop"), spmd);
  }
}
