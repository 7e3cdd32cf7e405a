package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.BoundKind;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.transforms.RuntimeCalls;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The rank's range of a loop counting down ({@code for (i = n - 1; i >= 0; i--)}, int index): the
 * rank runs the indices of its block (or of what it owns of the loop's first distributed array) from
 * the top down, so its iterations keep the sequential order; {@link LoopChunkingPass} does the rest
 * as for a loop counting up, with the condition {@code i >= last}.
 */
final class DescendingRange {

  private DescendingRange() { }

  /**
   * Completes the preheader. On entry {@code init} holds the index's first value and the stack the
   * bound; on exit the index holds the rank's first index, {@code end} the rank's lowest one (the
   * condition compares with it) and, for an aligned loop, {@code start} the rank's first owned
   * element (for index translation).
   */
  static InsnList preheader(LoopPlan loop, int init, int end, int start, int pair) {
    CountedLoop shape = loop.shape();
    InsnList pre = new InsnList();
    if (shape.kind() == BoundKind.GT) {
      pre.add(new InsnNode(Opcodes.ICONST_1)); // i > b: the lowest index run is b + 1
      pre.add(new InsnNode(Opcodes.IADD));
    }
    pre.add(new VarInsnNode(Opcodes.ILOAD, init));
    pre.add(new LdcInsnNode((int) -shape.step()));
    boolean aligned = !loop.alignedArraySlots().isEmpty();
    if (aligned) {
      // The first array that is not null: a null one has no split (downRange then takes the block).
      pre.add(RuntimeCalls.anchorOf(loop.alignedArraySlots()));
    } else {
      pre.add(new InsnNode(Opcodes.ACONST_NULL));
    }
    pre.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeCalls.OWNER, "downRange", "(IIILjava/lang/Object;)[I", false));
    for (int other : loop.alignedArraySlots().subList(Math.min(1, loop.alignedArraySlots().size()),
        loop.alignedArraySlots().size())) {
      pre.add(RuntimeCalls.anchorOf(loop.alignedArraySlots()));
      pre.add(new VarInsnNode(Opcodes.ALOAD, other));
      pre.add(RuntimeCalls.checkAligned()); // the others must be split as the first one
    }
    pre.add(new VarInsnNode(Opcodes.ASTORE, pair));
    pre.add(new VarInsnNode(Opcodes.ALOAD, pair));
    pre.add(new InsnNode(Opcodes.ICONST_0));
    pre.add(new InsnNode(Opcodes.IALOAD));
    pre.add(new VarInsnNode(Opcodes.ISTORE, shape.indexSlot()));
    pre.add(new VarInsnNode(Opcodes.ALOAD, pair));
    pre.add(new InsnNode(Opcodes.ICONST_1));
    pre.add(new InsnNode(Opcodes.IALOAD));
    pre.add(new VarInsnNode(Opcodes.ISTORE, end));
    if (aligned) {
      pre.add(RuntimeCalls.anchorOf(loop.alignedArraySlots()));
      pre.add(RuntimeCalls.owned("ownedStart"));
      pre.add(new VarInsnNode(Opcodes.ISTORE, start));
    }
    return pre;
  }

  /** The combine block's agreement: the highest failing rank ran the earliest failing iteration. */
  static MethodInsnNode agreement() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeCalls.OWNER, "agreeLoopDescending", "()V", false);
  }
}
