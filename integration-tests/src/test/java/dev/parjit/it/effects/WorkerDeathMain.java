package dev.parjit.it.effects;

import dev.parjit.Jit;

/**
 * Three calls of parallel kernels; during the second, a thread of this program kills one of the
 * spawn-mode workers (what the kernel's out-of-memory kill or a crash does). Without the agent there
 * is no worker to kill and every line is the sequential one; with it the lines must be the same.
 */
public final class WorkerDeathMain {

  /** Iterations of the long call: some hundreds of milliseconds on a worker, longer than the kill's delay. */
  static final int LONG = 400_000_000;

  private WorkerDeathMain() { }

  @Jit
  static double sumOfSquares(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * a[i];
    }
    return s;
  }

  @Jit
  static long longSum(int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += (i ^ (i >>> 3)) % 7;
    }
    return s;
  }

  static double[] data() {
    double[] a = new double[1000];
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 7;
    }
    return a;
  }

  public static void main(String[] args) throws Exception {
    double[] a = data();
    System.out.println("FIRST " + sumOfSquares(a));
    Thread killer = new Thread(() -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      ProcessHandle.current().descendants()
          .filter(p -> p.info().commandLine().map(c -> c.contains("WorkerMain")).orElse(false))
          .findFirst().ifPresent(ProcessHandle::destroyForcibly);
    });
    killer.start();
    System.out.println("SECOND " + longSum(LONG));
    killer.join();
    System.out.println("THIRD " + sumOfSquares(a));
  }
}
