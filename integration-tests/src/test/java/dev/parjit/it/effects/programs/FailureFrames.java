package dev.parjit.it.effects.programs;

import dev.parjit.Jit;
import dev.parjit.it.effects.Data;
import dev.parjit.it.effects.EffectsProgram;
import dev.parjit.it.effects.State;
import java.util.ArrayList;
import java.util.List;

/**
 * A caller that reads the stack trace of the exception a parallel loop throws, as a logger or
 * {@code e.printStackTrace()} does: this class's frames must be the sequential run's (one
 * {@code quotients} frame at the dividing line, then {@code run}), also when spawn mode reruns the
 * call on the driver through the method's sequential twin.
 */
public final class FailureFrames implements EffectsProgram {

  @Jit
  static void quotients(int[] a, int[] out) {
    for (int i = 0; i < a.length; i++) {
      out[i] = 1000 / a[i];
    }
  }

  @Override
  public void run(int n) {
    State s = new State(this, n);
    int[] a = Data.ints(n, 23);
    for (int i = 0; i < n; i++) {
      a[i] = i == n - 1 ? 0 : Math.abs(a[i]) + 1;
    }
    int[] out = new int[n];
    try {
      quotients(a, out);
      s.noException();
    } catch (ArithmeticException e) {
      s.thrown(e);
      List<String> frames = new ArrayList<>();
      for (StackTraceElement f : e.getStackTrace()) {
        if (f.getClassName().equals(FailureFrames.class.getName())) {
          frames.add(f.getMethodName() + ":" + f.getLineNumber());
        }
      }
      s.put("frames", frames);
    }
    s.put("out", out);
  }
}
