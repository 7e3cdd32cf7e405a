package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.RowParameter;
import dev.parjit.transforms.RowArrays;
import dev.parjit.transforms.RuntimeCalls;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Array parameters indexed as rows ({@code a[k * i + c]}, {@link MethodPlan#rowParameters()}): on entry
 * the chunk the rank received is re-split into blocks of whole rows ({@code ParallelRuntime.rowBlocksOf})
 * and the parameter's local holds the rows from then on; before each return, a parameter the method may
 * write has its rows copied back into the chunk it arrived as ({@code rowBlocksBack}), which is what the
 * driver writes back into the caller's array, and a return of the parameter returns the chunk (the
 * object the caller passed). The chunk is kept in a new local for that.
 */
final class RowParameters {

  private RowParameters() { }

  /** Appends to {@code entry} the re-split of the parameter in {@code slot}, if it is indexed as rows. */
  static void enter(MethodNode method, MethodPlan plan, int slot, Type type, InsnList entry,
      Map<Integer, Integer> chunks) {
    RowParameter p = plan.rowParameters().stream().filter(r -> r.slot() == slot).findFirst().orElse(null);
    if (p == null) {
      return;
    }
    int chunk = method.maxLocals;
    method.maxLocals += 1;
    chunks.put(slot, chunk);
    entry.add(new VarInsnNode(Opcodes.ALOAD, slot));
    entry.add(new VarInsnNode(Opcodes.ASTORE, chunk));
    entry.add(new VarInsnNode(Opcodes.ALOAD, slot));
    entry.add(RowArrays.loadWidth(p.width()));
    entry.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeCalls.OWNER, "rowBlocksOf",
        "(Ljava/lang/Object;I)Ljava/lang/Object;", false));
    entry.add(new TypeInsnNode(Opcodes.CHECKCAST, type.getInternalName()));
    entry.add(new VarInsnNode(Opcodes.ASTORE, slot));
  }

  /** Before every return: the rows of each written row parameter go back into its chunk (local in {@code chunks}). */
  static void leave(MethodNode method, MethodPlan plan, Map<Integer, Integer> chunks) {
    for (AbstractInsnNode x : method.instructions.toArray()) {
      if (x.getOpcode() < Opcodes.IRETURN || x.getOpcode() > Opcodes.RETURN) {
        continue;
      }
      for (RowParameter p : plan.rowParameters()) {
        if (x.getOpcode() == Opcodes.ARETURN && chunks.containsKey(p.slot())) {
          // return a: the caller gets the object it passed, not the rows made of it
          InsnList same = new InsnList();
          same.add(new VarInsnNode(Opcodes.ALOAD, p.slot()));
          same.add(new VarInsnNode(Opcodes.ALOAD, chunks.get(p.slot())));
          same.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeCalls.OWNER, "chunkIfRows",
              "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", false));
          same.add(new TypeInsnNode(Opcodes.CHECKCAST, Type.getReturnType(method.desc).getInternalName()));
          method.instructions.insertBefore(x, same);
        }
        if (!p.written() || !chunks.containsKey(p.slot())) {
          continue;
        }
        InsnList back = new InsnList();
        back.add(new VarInsnNode(Opcodes.ALOAD, p.slot()));
        back.add(new VarInsnNode(Opcodes.ALOAD, chunks.get(p.slot())));
        back.add(RowArrays.loadWidth(p.width()));
        back.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeCalls.OWNER, "rowBlocksBack",
            "(Ljava/lang/Object;Ljava/lang/Object;I)V", false));
        method.instructions.insertBefore(x, back);
      }
    }
  }
}
