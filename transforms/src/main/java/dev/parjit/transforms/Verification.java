package dev.parjit.transforms;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The last pass: the rewritten class must be well formed ({@link CheckClassAdapter}, structure
 * only) and every method must type-check with ASM's {@link BasicVerifier}. Both run on bytes
 * alone; the full {@code SimpleVerifier} is not used because it loads classes.
 */
final class Verification {

  private Verification() { }

  /** Returns {@code null} when the class verifies, else the first problem found. */
  static String verify(byte[] bytes) {
    ClassNode node = new ClassNode();
    try {
      new ClassReader(bytes).accept(new CheckClassAdapter(node, false), 0);
    } catch (RuntimeException e) {
      return "malformed class: " + e.getMessage();
    }
    for (MethodNode m : node.methods) {
      if (m.instructions.size() == 0) {
        continue;
      }
      try {
        new Analyzer<>(new BasicVerifier()).analyze(node.name, m);
      } catch (AnalyzerException e) {
        return m.name + m.desc + ": " + e.getMessage();
      }
    }
    return null;
  }
}
