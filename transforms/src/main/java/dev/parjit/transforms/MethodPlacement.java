package dev.parjit.transforms;

/**
 * Where a spawn-mode {@code @Jit} method runs ({@link DriverPlacement}), as the agent logs and
 * prints it: carried beside the pass log so no reader has to recover it from a log line's wording.
 *
 * @param method  {@code C.m}, as diagnostics name the method
 * @param where   {@code "workers"}, or {@code "driver (<reason>)"}
 * @param warning the warning printed once for parallel work kept on the driver, or {@code null}
 */
public record MethodPlacement(String method, String where, String warning) {
}
