package dev.parjit.it.agent;

import dev.parjit.Jit;
import java.util.concurrent.TimeUnit;

/**
 * A program whose behaviour is chosen by {@code -Dparjit.it.mode} (a JVM option, so every mode is
 * the same program to the start-up hint): {@code call} calls {@link Kernel#sum} and prints
 * {@code RESULT x}; {@code wait} first waits (at most 120 s) until 2 worker processes run without
 * loading any {@code @Jit} class, prints {@code WORKERS BEFORE JIT n}, then calls; {@code exit}
 * returns at once.
 */
public final class HintedStartMain {

  private HintedStartMain() { }

  /** Loaded only when called: before that, nothing of this program tells the agent about @Jit. */
  static final class Kernel {
    @Jit
    static double sum(double[] a) {
      double s = 0;
      for (int i = 0; i < a.length; i++) {
        s += a[i] * a[i];
      }
      return s;
    }
  }

  static double[] data() {
    double[] a = new double[10_001];
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 13;
    }
    return a;
  }

  public static void main(String[] args) throws Exception {
    String mode = System.getProperty("parjit.it.mode", "call");
    if (mode.equals("exit")) {
      System.out.println("RETURNING");
      return;
    }
    if (mode.equals("wait")) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (ProcessHandle.current().children().count() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      System.out.println("WORKERS BEFORE JIT " + ProcessHandle.current().children().count());
    }
    System.out.println("RESULT " + Kernel.sum(data()));
  }
}
