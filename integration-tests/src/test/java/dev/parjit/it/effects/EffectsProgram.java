package dev.parjit.it.effects;

/**
 * One program of the effects suite: sets up deterministic data for size {@code n}, calls its
 * {@code @Jit} kernel(s) the way ordinary code would, and prints the caller's whole observable
 * state afterwards through {@link State}.
 */
public interface EffectsProgram {

  /** Runs the program once for size {@code n}, printing {@code STATE} lines (and its kernels' {@code OUT} lines). */
  void run(int n);

  /** The program's name in the transcript: its simple class name, also the name placement lines use. */
  default String name() {
    return getClass().getSimpleName();
  }
}
