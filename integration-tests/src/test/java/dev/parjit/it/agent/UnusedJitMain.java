package dev.parjit.it.agent;

import dev.parjit.Jit;
import java.util.concurrent.TimeUnit;

/**
 * {@code UnusedJitMain jit N}: loads a class with a spawn-mode {@code @Jit} method (the driver then
 * starts its workers early), waits until N worker processes run, prints {@code WORKERS STARTED N}
 * and returns without a call. {@code UnusedJitMain jit-exit}: loads that class and returns at once,
 * while its workers boot. {@code UnusedJitMain plain}: loads no such class, prints how many
 * processes this one started ({@code CHILDREN 0} expected) and returns.
 */
public final class UnusedJitMain {

  private UnusedJitMain() { }

  /** Never called: its compilation alone starts the workers. */
  static final class Kernel {
    @Jit
    static double sum(double[] a) {
      double s = 0;
      for (int i = 0; i < a.length; i++) {
        s += a[i];
      }
      return s;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("plain")) {
      Thread.sleep(1000); // room for anything that would start early
      System.out.println("CHILDREN " + ProcessHandle.current().children().count());
      return;
    }
    if (args[0].equals("jit-exit")) {
      Class.forName(Kernel.class.getName()); // the workers start booting now
      System.out.println("RETURNING");
      return; // while they boot
    }
    int workers = Integer.parseInt(args[1]);
    Class.forName(Kernel.class.getName()); // loaded (and compiled), never called
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (ProcessHandle.current().children().count() < workers && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    System.out.println("WORKERS STARTED " + ProcessHandle.current().children().count());
  }
}
