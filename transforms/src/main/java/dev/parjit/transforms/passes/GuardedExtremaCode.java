package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.GuardedExtremum;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.transforms.RuntimeCalls;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The code around a chunked loop for its guarded extrema ({@link GuardedExtremum}): before the
 * loop each rank but 0 restarts the best value from one nothing beats and clears a "guard passed"
 * flag, which the guarded block sets; after the loop every rank takes the best value and its
 * companions from the rank that wins the rank-order fold.
 */
final class GuardedExtremaCode {

  private GuardedExtremaCode() { }

  /** Appends the starting code to {@code pre} and sets the flags in the guarded blocks; the flags' slots. */
  static List<Integer> init(MethodNode method, LoopPlan loop, InsnList pre) {
    List<Integer> flags = new ArrayList<>();
    for (GuardedExtremum g : loop.extrema()) {
      Type t = Type.getType(g.keyType());
      pre.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), g.keySlot()));
      pre.add(new IntInsnNode(Opcodes.BIPUSH, g.relation()));
      pre.add(RuntimeCalls.extremumInit(g.keyType()));
      pre.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), g.keySlot()));
      int flag = method.maxLocals++;
      pre.add(new InsnNode(Opcodes.ICONST_0));
      pre.add(new VarInsnNode(Opcodes.ISTORE, flag));
      InsnList passed = new InsnList();
      passed.add(new InsnNode(Opcodes.ICONST_1));
      passed.add(new VarInsnNode(Opcodes.ISTORE, flag));
      method.instructions.insert(g.guard(), passed); // the block starts right after its guard
      flags.add(flag);
    }
    return flags;
  }

  /** Appends the combining code to {@code post}, after the loop's failure agreement. */
  static void combine(MethodNode method, LoopPlan loop, List<Integer> flags, InsnList post) {
    for (int k = 0; k < loop.extrema().size(); k++) {
      GuardedExtremum g = loop.extrema().get(k);
      int winner = method.maxLocals++;
      Type t = Type.getType(g.keyType());
      post.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), g.keySlot()));
      post.add(new VarInsnNode(Opcodes.ILOAD, flags.get(k)));
      post.add(new IntInsnNode(Opcodes.BIPUSH, g.relation()));
      post.add(RuntimeCalls.extremumWinner(g.keyType()));
      post.add(new VarInsnNode(Opcodes.ISTORE, winner));
      fromWinner(post, g.keySlot(), g.keyType(), winner);
      for (GuardedExtremum.Companion c : g.companions()) {
        fromWinner(post, c.slot(), c.type(), winner);
      }
    }
  }

  private static void fromWinner(InsnList post, int slot, String type, int winner) {
    Type t = Type.getType(type);
    post.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
    post.add(new VarInsnNode(Opcodes.ILOAD, winner));
    post.add(RuntimeCalls.fromRank(type));
    post.add(new VarInsnNode(t.getOpcode(Opcodes.ISTORE), slot));
  }
}
