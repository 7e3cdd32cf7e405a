package dev.parjit.runtime;

import dev.parjit.mpi.launch.RankMain;

/**
 * SPMD ranks agree on the order of their collectives only when one thread per rank makes them:
 * two threads of a rank calling {@code @Jit} methods at once would interleave their allreduces
 * differently on each rank and mix up (or hang on) each other's data. So a compiled SPMD method
 * may only be called from the thread running the program's {@code main} on that rank
 * ({@link RankMain#programThread()}); any other thread fails at once, before any collective. Where
 * no main thread is recorded (a plain JVM, ranks simulated as threads in tests) there is no check.
 */
final class ProgramThread {

  private ProgramThread() { }

  static void check(String method, boolean simulatedRank) {
    Thread main = RankMain.programThread();
    Thread me = Thread.currentThread();
    if (main == null || simulatedRank || me == main) {
      return;
    }
    throw new IllegalStateException("parjit: @Jit method " + method + " was called from thread '" + me.getName()
        + "', but in SPMD mode only the thread running main ('" + main.getName() + "') may call compiled methods:"
        + " ranks cannot agree on the order of collective calls made from several threads");
  }
}
