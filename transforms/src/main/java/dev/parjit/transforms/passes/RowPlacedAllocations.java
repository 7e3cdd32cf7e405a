package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.MethodPlan;
import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Keeps, for each allocation the plan places like a frame's rows ({@code new double[df.numRows()]},
 * {@code MethodPlan.rowPlacedAllocations}), the frame or series whose size was read, so the allocation
 * can hand it to the runtime ({@code ParallelRuntime.newDoubleArray(n, rows)}): a fresh local, null on
 * entry, set from the receiver just before the size read. The analysis proved that read's value alone
 * is the length, so the read runs before the allocation on every path and the local holds the frame
 * whose row count the length is.
 */
final class RowPlacedAllocations {

  private RowPlacedAllocations() { }

  /** Inserts the receiver's stores; returns each placed allocation's local. */
  static Map<AbstractInsnNode, Integer> keepRows(MethodNode method, MethodPlan plan) {
    Map<AbstractInsnNode, Integer> locals = new IdentityHashMap<>();
    Map<MethodInsnNode, Integer> byRead = new IdentityHashMap<>();
    InsnList entry = new InsnList();
    plan.rowPlacedAllocations().forEach((alloc, read) -> {
      if (method.instructions.indexOf(alloc) < 0 || method.instructions.indexOf(read) < 0) {
        return; // replaced by an earlier pass: allocated in blocks, and the loop's alignment check decides
      }
      Integer slot = byRead.get(read);
      if (slot == null) {
        slot = method.maxLocals++;
        byRead.put(read, slot);
        entry.add(new InsnNode(Opcodes.ACONST_NULL));
        entry.add(new VarInsnNode(Opcodes.ASTORE, slot));
        InsnList keep = new InsnList();
        keep.add(new InsnNode(Opcodes.DUP));
        keep.add(new VarInsnNode(Opcodes.ASTORE, slot));
        method.instructions.insertBefore(read, keep);
      }
      locals.put(alloc, slot);
    });
    method.instructions.insert(entry);
    return locals;
  }
}
