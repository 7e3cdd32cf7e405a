package dev.parjit.agent;

import dev.parjit.transforms.JitSelection;
import java.nio.charset.StandardCharsets;

/**
 * Which classes the agent compiles (rewrites as they load): those whose class file names
 * {@code @Jit} and those a {@code jit=} pattern may name. The transformer asks it for every loaded
 * class; an ahead-of-time archive leaves such classes out, because a class the JVM takes from an AOT
 * cache at start-up never reaches the transformer.
 */
public final class CompiledClasses {

  private static final ByteSearch JIT_MARKER = new ByteSearch(JitSelection.JIT_DESC.getBytes(StandardCharsets.UTF_8));

  private CompiledClasses() { }

  /** Whether the agent compiles the class {@code internalName} with these bytes under {@code selection}. */
  public static boolean compiles(JitSelection selection, String internalName, byte[] bytes) {
    return JIT_MARKER.in(bytes) || selection.mayMatchClass(internalName);
  }
}
