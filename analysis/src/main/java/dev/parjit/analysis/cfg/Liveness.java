package dev.parjit.analysis.cfg;

import java.util.BitSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which local variable slots are live (may be read before being written) at the entry of each
 * instruction: a backward may-analysis over the {@link FlowGraph}. A variable stored in a loop
 * and live at the loop's header or exit carries a value across iterations or out of the loop.
 */
public final class Liveness {

  private final BitSet[] liveIn;

  public Liveness(MethodNode method, FlowGraph g) {
    int n = g.size();
    liveIn = new BitSet[n];
    for (int i = 0; i < n; i++) {
      liveIn[i] = new BitSet();
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = n - 1; i >= 0; i--) {
        BitSet out = new BitSet();
        for (int s : g.successors(i)) {
          out.or(liveIn[s]);
        }
        AbstractInsnNode insn = method.instructions.get(i);
        BitSet in = (BitSet) out.clone();
        if (insn instanceof VarInsnNode v) {
          if (isStore(v.getOpcode())) {
            in.clear(v.var);
          } else if (v.getOpcode() != Opcodes.RET) {
            in.set(v.var);
          }
        } else if (insn instanceof IincInsnNode inc) {
          in.set(inc.var);
        }
        if (!in.equals(liveIn[i])) {
          liveIn[i] = in;
          changed = true;
        }
      }
    }
  }

  static boolean isStore(int opcode) {
    return opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
  }

  /** Whether {@code slot} is live on entry to instruction {@code index}. */
  public boolean isLiveAt(int index, int slot) {
    return liveIn[index].get(slot);
  }
}
