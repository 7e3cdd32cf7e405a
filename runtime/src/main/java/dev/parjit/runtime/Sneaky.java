package dev.parjit.runtime;

/**
 * Rethrows any {@link Throwable} from code that declares none. A failure caught inside a rewritten
 * loop (possibly a checked exception a called method threw) must leave the method exactly as it
 * would have without the rewrite; the bytecode verifier does not check declared exceptions.
 */
final class Sneaky {

  private Sneaky() { }

  /** Never returns normally: {@code throw Sneaky.unchecked(t)} keeps the compiler's flow analysis happy. */
  static RuntimeException unchecked(Throwable t) {
    throw Sneaky.<RuntimeException>raise(t);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T raise(Throwable t) throws T {
    throw (T) t;
  }
}
