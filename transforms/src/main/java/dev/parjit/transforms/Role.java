package dev.parjit.transforms;

/** What the rewritten class will do in its JVM. */
public enum Role {
  /** Spawn-mode driver: {@code @Jit(spawn = true)} static methods become dispatch stubs. */
  DRIVER,
  /** Spawned worker: {@code @Jit} methods are rewritten in place for chunked execution. */
  WORKER,
  /** SPMD rank: {@code @Jit} methods are rewritten in place, returns REP unless distributed. */
  SPMD
}
