package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.transforms.FrameCallsRuntime;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The reads {@code s.getDouble(i)} (and {@code getLong}, {@code isNull}, ...) of a parallel loop's
 * distributed series ({@link LoopPlan#seriesAccesses()}), rewritten to read this rank's row.
 *
 * <p>Each such series is one of the loop's aligned values: the preheader checked that its block
 * starts where the loop's first aligned value's does ({@code checkAligned}) and keeps that start in
 * a local. While no aligned slot is assigned inside the loop, every read sees a series checked
 * there, so it reads row {@code i - start}, as an aligned array access reads {@code a[i - start]}:
 * nothing is looked up per row, and the series' own {@code getDouble} is what the JIT inlines into
 * the loop. Otherwise (a slot assigned in the loop, or a loop over rows of width {@code k}, whose
 * start counts elements, not rows) each read asks {@code DistributedFrames.localDouble(s, i)}, which
 * finds the series' block at every read.
 */
final class SeriesReads {

  private SeriesReads() { }

  /**
   * The end of the preheader of a loop with series reads: {@code rowLoop(first, end, down)} with the
   * rank's first index (in {@code index}) and its end, counted by the frame library. Empty for other loops.
   */
  static InsnList preheader(LoopPlan loop, int index, int end, boolean down) {
    InsnList out = new InsnList();
    if (!loop.seriesAccesses().isEmpty()) {
      out.add(new VarInsnNode(Opcodes.ILOAD, index));
      out.add(new VarInsnNode(Opcodes.ILOAD, end));
      out.add(new InsnNode(down ? Opcodes.ICONST_1 : Opcodes.ICONST_0));
      out.add(FrameCallsRuntime.rowLoop());
    }
    return out;
  }

  /**
   * Rewrites the loop's series reads. {@code start} holds the rank's first owned index of the loop's
   * first aligned value when {@code startIsFirstRow}; the loop's instructions run from {@code header}
   * to {@code backEdge}.
   */
  static void rewrite(MethodNode method, LoopPlan loop, int start, boolean startIsFirstRow, AbstractInsnNode header,
      AbstractInsnNode backEdge) {
    if (loop.seriesAccesses().isEmpty()) {
      return;
    }
    boolean shift = startIsFirstRow && !loop.alignedArraySlots().isEmpty()
        && !assignsAny(method, loop, header, backEdge);
    for (AbstractInsnNode read : loop.seriesAccesses()) {
      if (shift) {
        InsnList local = new InsnList(); // the index is on top of the stack, the series under it
        local.add(new VarInsnNode(Opcodes.ILOAD, start));
        local.add(new InsnNode(Opcodes.ISUB));
        method.instructions.insertBefore(read, local);
      } else {
        method.instructions.set(read, FrameCallsRuntime.localRead((MethodInsnNode) read));
      }
    }
  }

  /** Whether an instruction of the loop stores into one of its aligned slots. */
  private static boolean assignsAny(MethodNode method, LoopPlan loop, AbstractInsnNode header, AbstractInsnNode backEdge) {
    int from = method.instructions.indexOf(header);
    int to = method.instructions.indexOf(backEdge);
    for (int i = from; i <= to; i++) {
      if (method.instructions.get(i) instanceof VarInsnNode v && v.getOpcode() == Opcodes.ASTORE
          && loop.alignedArraySlots().contains(v.var)) {
        return true;
      }
    }
    return false;
  }
}
