package dev.parjit.analysis.plan;

/** Where the compiled method will run; it decides the distributions assumed for parameters. */
public enum ExecutionMode {
  /**
   * On spawned workers: array parameters may be 1D (the driver scatters them) and distributed
   * returns stay distributed (gathered or kept lazy by the runtime).
   */
  SPAWN,
  /** In place on every SPMD rank: parameters and returns are REP unless named in {@code distributed}. */
  SPMD
}
