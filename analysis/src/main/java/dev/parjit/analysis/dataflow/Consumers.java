package dev.parjit.analysis.dataflow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Which instructions consume the value an instruction pushes: the inverse of ASM's
 * {@link SourceInterpreter}. A reduction {@code s = s + e} is recognised by following the load of
 * {@code s} to the add and the add to the store of {@code s}.
 */
public final class Consumers {

  private final Map<AbstractInsnNode, Set<AbstractInsnNode>> consumers = new HashMap<>();
  private final Frame<SourceValue>[] frames;
  private final MethodNode method;

  public Consumers(String owner, MethodNode method) throws AnalyzerException {
    this.method = method;
    this.frames = new Analyzer<>(new SourceInterpreter()).analyze(owner, method);
    for (int i = 0; i < frames.length; i++) {
      Frame<SourceValue> f = frames[i];
      AbstractInsnNode insn = method.instructions.get(i);
      if (f == null || insn.getOpcode() < 0) {
        continue;
      }
      int popped = StackEffects.popped(insn, f);
      for (int k = 0; k < popped && k < f.getStackSize(); k++) {
        for (AbstractInsnNode producer : f.getStack(f.getStackSize() - 1 - k).insns) {
          consumers.computeIfAbsent(producer, p -> new HashSet<>()).add(insn);
        }
      }
    }
  }

  /** The instructions that may consume what {@code producer} pushed. */
  public Set<AbstractInsnNode> of(AbstractInsnNode producer) {
    return consumers.getOrDefault(producer, Set.of());
  }

  /** The stores whose value local {@code slot} may hold just before {@code insn}. */
  public Set<AbstractInsnNode> definitions(AbstractInsnNode insn, int slot) {
    Frame<SourceValue> f = frames[method.instructions.indexOf(insn)];
    if (f == null || slot >= f.getLocals()) {
      return Set.of();
    }
    return f.getLocal(slot).insns;
  }

  /**
   * The producers of the operand {@code depth} below the top of the stack just before
   * {@code insn} (0 = top).
   */
  public Set<AbstractInsnNode> operand(AbstractInsnNode insn, int depth) {
    Frame<SourceValue> f = frames[method.instructions.indexOf(insn)];
    if (f == null || f.getStackSize() <= depth) {
      return Set.of();
    }
    return f.getStack(f.getStackSize() - 1 - depth).insns;
  }
}
