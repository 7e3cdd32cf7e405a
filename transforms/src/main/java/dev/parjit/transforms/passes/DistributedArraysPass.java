package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.transforms.FrameCallsRuntime;
import dev.parjit.analysis.plan.ArrayShapes;
import dev.parjit.transforms.RowArrays;
import dev.parjit.transforms.RuntimeCalls;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The method-wide part of distributing arrays: 1D allocations get the rank's local length and are
 * registered ({@code new double[n]} becomes {@code ParallelRuntime.newDoubleArray(n)}, {@code new
 * double[n][m]} this rank's block of rows: {@link RowArrays}; {@code new double[df.numRows()]} the
 * frame's placement: {@link RowPlacedAllocations}),
 * {@code a.length} answers the global length, an element read outside parallel loops comes from the
 * rank holding it ({@code ParallelRuntime.elementOf}), and a returned distributed array is gathered
 * whole on every rank first, so the caller sees the sequential value. In SPMD mode, parameters
 * named in {@code @Jit(distributed = ...)} register each rank's chunk on entry; parameters indexed as
 * rows are re-split into blocks of whole rows on entry ({@link RowParameters}).
 */
public final class DistributedArraysPass {

  /** Name shown in pass logs. */
  public static final String NAME = "DistributedArrays";

  private DistributedArraysPass() { }

  /** Whether the plan has anything for this pass to do. */
  public static boolean applies(MethodPlan plan) {
    return !plan.distributedAllocations().isEmpty() || !plan.globalLengths().isEmpty()
        || !plan.replicatedReturns().isEmpty() || !plan.elementReads().isEmpty() || !plan.distributedFrameCalls().isEmpty()
        || !plan.replicatedArguments().isEmpty() || plan.paramDistributions().stream().anyMatch(Distribution::isDistributed);
  }

  /** Returns {@code null} when applied, else why it cannot be: the method must then stay as it was. */
  public static String apply(MethodNode method, MethodPlan plan) {
    Set<Integer> primitive = Set.of(Opcodes.T_BOOLEAN, Opcodes.T_CHAR, Opcodes.T_FLOAT, Opcodes.T_DOUBLE,
        Opcodes.T_BYTE, Opcodes.T_SHORT, Opcodes.T_INT, Opcodes.T_LONG);
    for (AbstractInsnNode alloc : plan.distributedAllocations()) {
      if (RowArrays.isRowAllocation(alloc) ? RowArrays.allocation(alloc) == null
          : !(alloc instanceof IntInsnNode n) || n.getOpcode() != Opcodes.NEWARRAY || !primitive.contains(n.operand)) {
        return "only primitive arrays and arrays of their rows (up to three dimensions) are distributed";
      }
    }
    String returned = Type.getReturnType(method.desc).getDescriptor();
    boolean frameReturn = returned.equals("Ldev/parjit/frame/DataFrame;") || returned.equals("Ldev/parjit/frame/Series;");
    boolean rowsReturn = ArrayShapes.hasRows(Type.getReturnType(method.desc));
    if (!plan.replicatedReturns().isEmpty() && !frameReturn && !rowsReturn
        && !(returned.length() == 2 && returned.charAt(0) == '[')) {
      return "a distributed array is returned as " + returned + ", not as a primitive array";
    }
    java.util.Map<AbstractInsnNode, Integer> placedBy = RowPlacedAllocations.keepRows(method, plan);
    Set<AbstractInsnNode> allocations = identitySet(plan.distributedAllocations());
    Set<AbstractInsnNode> lengths = identitySet(plan.globalLengths());
    Set<AbstractInsnNode> elementReads = identitySet(plan.elementReads());
    Set<AbstractInsnNode> returns = identitySet(plan.replicatedReturns());
    Set<AbstractInsnNode> frameCalls = identitySet(List.copyOf(plan.distributedFrameCalls()));
    Set<AbstractInsnNode> printed = identitySet(List.copyOf(plan.replicatedArguments()));
    // Walk the live instruction list: nodes a loop pass already replaced are no longer in it.
    for (AbstractInsnNode x : method.instructions.toArray()) {
      if (allocations.contains(x) && plan.rowAllocations().containsKey(x)) {
        method.instructions.insertBefore(x, RowArrays.rowBlockAllocation((IntInsnNode) x, plan.rowAllocations().get(x)));
        method.instructions.remove(x);
      } else if (allocations.contains(x) && RowArrays.isRowAllocation(x)) {
        method.instructions.insertBefore(x, RowArrays.allocation(x));
        method.instructions.remove(x);
      } else if (allocations.contains(x) && placedBy.containsKey(x)) {
        method.instructions.insertBefore(x, new VarInsnNode(Opcodes.ALOAD, placedBy.get(x)));
        method.instructions.set(x, RuntimeCalls.newRowPlacedArray(elementDesc(((IntInsnNode) x).operand)));
      } else if (allocations.contains(x)) {
        method.instructions.set(x, RuntimeCalls.newArray(elementDesc(((IntInsnNode) x).operand)));
      } else if (lengths.contains(x)) {
        method.instructions.insertBefore(x, RuntimeCalls.globalLength());
        method.instructions.remove(x);
      } else if (elementReads.contains(x) && x.getOpcode() == Opcodes.AALOAD) {
        // m[r].length: the analysis took the ARRAYLENGTH right after the row load
        method.instructions.remove(x.getNext());
        method.instructions.insertBefore(x, RuntimeCalls.elementOfOrNullLoad(x.getOpcode()));
        method.instructions.remove(x);
      } else if (elementReads.contains(x)) {
        method.instructions.insertBefore(x, RuntimeCalls.elementOfOrNullLoad(x.getOpcode()));
        method.instructions.remove(x);
      } else if (returns.contains(x)) {
        if (frameReturn) {
          method.instructions.insertBefore(x, FrameCallsRuntime.replicate(Type.getReturnType(method.desc).getInternalName()));
        } else if (rowsReturn) {
          method.instructions.insertBefore(x, RowArrays.replicate(returned));
        } else {
          method.instructions.insertBefore(x, RuntimeCalls.replicate(returned));
        }
      } else if (printed.contains(x)) {
        // println(Object) and friends take Object: the gathered frame needs no cast.
        method.instructions.insertBefore(x, FrameCallsRuntime.replicateTop());
      } else if (frameCalls.contains(x)) {
        // Sources read this rank's share; wraps of 1D arrays keep the chunk's global position.
        method.instructions.set(x, FrameCallsRuntime.distributedVersion((MethodInsnNode) x));
      }
    }
    // SPMD distributed parameters: each rank's chunk is registered (1D_Var: start by exscan) on entry.
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    InsnList entry = new InsnList();
    java.util.Map<Integer, Integer> rowChunks = new java.util.HashMap<>();
    for (int k = 0; k < args.length; k++) {
      if (isFrame(args[k]) && plan.mode() == dev.parjit.analysis.plan.ExecutionMode.SPAWN) {
        // A lazy result passed back in is this worker's chunk; a whole frame from the driver is cut
        // to blocks (1D), or a chunk gathered whole where the method needs it replicated.
        entry.add(new VarInsnNode(Opcodes.ALOAD, slot));
        entry.add(FrameCallsRuntime.entry(plan.paramDistributions().get(k).isDistributed()));
        entry.add(new TypeInsnNode(Opcodes.CHECKCAST, args[k].getInternalName()));
        entry.add(new VarInsnNode(Opcodes.ASTORE, slot));
      } else if (plan.paramDistributions().get(k) == Distribution.ONE_D_VAR) {
        entry.add(new VarInsnNode(Opcodes.ALOAD, slot));
        entry.add(RuntimeCalls.enterDistributed());
      } else if (plan.paramDistributions().get(k) == Distribution.ONE_D_BLOCK) {
        // Spawn mode: whole arrays from another method on the worker become this rank's block.
        entry.add(new VarInsnNode(Opcodes.ALOAD, slot));
        entry.add(RuntimeCalls.blockOf());
        entry.add(new TypeInsnNode(Opcodes.CHECKCAST, args[k].getInternalName()));
        entry.add(new VarInsnNode(Opcodes.ASTORE, slot));
      }
      if (plan.paramDistributions().get(k).isDistributed()) {
        RowParameters.enter(method, plan, slot, args[k], entry, rowChunks);
      }
      slot += args[k].getSize();
    }
    if (!plan.distributedAllocations().isEmpty()) {
      // The arrays this call allocates leave the chunk registry when it returns (CallScopes).
      entry.insert(RuntimeCalls.beginCall());
      for (AbstractInsnNode x : method.instructions.toArray()) {
        int op = x.getOpcode();
        if (op == Opcodes.ARETURN) {
          method.instructions.insertBefore(x, new org.objectweb.asm.tree.InsnNode(Opcodes.DUP));
          method.instructions.insertBefore(x, RuntimeCalls.endCall());
        } else if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
          method.instructions.insertBefore(x, new org.objectweb.asm.tree.InsnNode(Opcodes.ACONST_NULL));
          method.instructions.insertBefore(x, RuntimeCalls.endCall());
        }
      }
    }
    RowParameters.leave(method, plan, rowChunks);
    method.instructions.insert(entry);
    return null;
  }

  private static boolean isFrame(Type t) {
    return t.getSort() == Type.OBJECT && (t.getInternalName().equals("dev/parjit/frame/DataFrame")
        || t.getInternalName().equals("dev/parjit/frame/Series"));
  }

  static Set<AbstractInsnNode> identitySet(java.util.List<? extends AbstractInsnNode> nodes) {
    Set<AbstractInsnNode> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    set.addAll(nodes);
    return set;
  }

  private static String elementDesc(int type) {
    switch (type) {
      case Opcodes.T_BOOLEAN: return "Z";
      case Opcodes.T_CHAR: return "C";
      case Opcodes.T_FLOAT: return "F";
      case Opcodes.T_DOUBLE: return "D";
      case Opcodes.T_BYTE: return "B";
      case Opcodes.T_SHORT: return "S";
      case Opcodes.T_INT: return "I";
      default: return "J";
    }
  }
}
