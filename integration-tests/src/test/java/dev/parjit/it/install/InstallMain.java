package dev.parjit.it.install;

import dev.parjit.Parjit;

/**
 * Started without {@code -javaagent}: uses one {@code @Jit} class, installs Parjit with the
 * options in {@code args[0]}, then uses another, printing the answers and {@code Parjit.stats()}.
 * {@code args[1]}, when given, is the size.
 */
public final class InstallMain {

  private InstallMain() { }

  public static void main(String[] args) {
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1001;
    System.out.println("early=" + EarlyKernels.count(n));
    try {
      Parjit.install(args[0]);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.out.println("install failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return;
    }
    System.out.println("late=" + LateKernels.sumOfSquares(n));
    System.out.println("earlyAgain=" + EarlyKernels.count(n));
    System.out.println("stats=" + Parjit.stats());
  }
}
