package dev.parjit.agent;

import dev.parjit.transforms.JitSelection;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Whether a class the driver is about to compile selects a spawn-mode method (a {@code @Jit}
 * method without {@code spawn = false}, or one a {@code jit=} pattern names), read from its
 * declarations alone. The driver starts its workers on that answer, before the class's analysis:
 * the workers' JVMs then boot while the driver compiles, instead of after. When the analysis later
 * keeps every such method on the driver, the workers stay idle and stop at exit, as workers of a
 * method never called do.
 */
final class SpawnCandidates {

  private SpawnCandidates() { }

  static boolean any(byte[] classBytes, JitSelection selection) {
    ClassNode cn = new ClassNode();
    new ClassReader(classBytes).accept(cn, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return selection.select(cn).stream().anyMatch(JitSelection.Selected::spawn);
  }
}
