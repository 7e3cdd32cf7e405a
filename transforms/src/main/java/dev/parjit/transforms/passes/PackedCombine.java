package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.ArrayReduction;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.ScalarReduction;
import dev.parjit.transforms.RuntimeCalls;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The combine block of a parallel loop counting up, as one collective: each scalar and array
 * reduction is queued ({@code combineScalar}, {@code combineArray}), {@code combineLoop()} exchanges
 * them with the loop's failure flag and folds them (throwing the agreed failure on every rank), and
 * each scalar is read back ({@code combinedX(i)}, in queue order). The runtime's
 * {@code PackedReductions} says how they are folded.
 */
final class PackedCombine {

  private PackedCombine() { }

  static InsnList code(LoopPlan loop) {
    InsnList post = new InsnList();
    for (ScalarReduction r : loop.reductions()) {
      Type rt = Type.getType(r.type());
      post.add(new VarInsnNode(rt.getOpcode(Opcodes.ILOAD), r.slot()));
      post.add(RuntimeCalls.opCode(r.op()));
      post.add(RuntimeCalls.combineScalar(r.type()));
    }
    for (ArrayReduction r : loop.arrayReductions()) {
      post.add(new VarInsnNode(Opcodes.ALOAD, r.slot()));
      post.add(RuntimeCalls.opCode(r.op()));
      post.add(RuntimeCalls.combineArray(r.elementType()));
    }
    post.add(RuntimeCalls.combineLoop());
    int i = 0;
    for (ScalarReduction r : loop.reductions()) {
      Type rt = Type.getType(r.type());
      post.add(new LdcInsnNode(i++));
      post.add(RuntimeCalls.combined(r.type()));
      post.add(new VarInsnNode(rt.getOpcode(Opcodes.ISTORE), r.slot()));
    }
    return post;
  }
}
