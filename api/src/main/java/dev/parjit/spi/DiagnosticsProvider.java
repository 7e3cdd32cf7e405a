package dev.parjit.spi;

/**
 * Produces the distributed diagnostics of a method on demand ({@link dev.parjit.Parjit#distributedDiagnostics}).
 * The agent installs the real one; without it, a one-line explanation is returned.
 */
public interface DiagnosticsProvider {

  /** The diagnostics text of every {@code @Jit} method named {@code method} in {@code owner}. */
  String diagnostics(Class<?> owner, String method);

  /** Whether this process is the one that prints (the driver in spawn mode, rank 0 in SPMD mode). */
  boolean printsHere();

  /** What a run without the agent answers. */
  DiagnosticsProvider NONE = new DiagnosticsProvider() {
    @Override
    public String diagnostics(Class<?> owner, String method) {
      return "Distributed diagnostics for function " + owner.getSimpleName() + "." + method
          + ": the Parjit agent is not loaded, so the method runs sequentially.\n";
    }

    @Override
    public boolean printsHere() {
      return true;
    }
  };
}
