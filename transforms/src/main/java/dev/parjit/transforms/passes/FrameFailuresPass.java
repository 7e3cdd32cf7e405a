package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.transforms.RuntimeCalls;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Distributed frame operations compute on each rank's rows between collectives, so one rank can fail
 * alone (a corrupt page in its row groups). Each such call gets a handler that joins the other ranks'
 * next failure agreement ({@code ParallelRuntime.collectiveCallFailed}), and the method agrees once
 * more before it returns ({@code agreeExit}), in case the failure came after the operation's last
 * collective: every rank then throws the same exception, and none is left waiting.
 *
 * <p>Runs before {@link DistributedArraysPass}, which redirects the calls between the labels placed
 * here and adds its gathers after the exit agreement.
 */
public final class FrameFailuresPass {

  /** Name shown in pass logs. */
  public static final String NAME = "FrameFailures";

  private FrameFailuresPass() { }

  /** Whether the plan has distributed frame calls. */
  public static boolean applies(MethodPlan plan) {
    return !plan.distributedFrameCalls().isEmpty();
  }

  public static void apply(MethodNode method, MethodPlan plan) {
    LabelNode handler = new LabelNode();
    for (AbstractInsnNode call : plan.distributedFrameCalls()) {
      if (method.instructions.indexOf(call) < 0) {
        continue; // replaced by an earlier pass (a loop bound)
      }
      LabelNode start = new LabelNode();
      LabelNode end = new LabelNode();
      method.instructions.insertBefore(call, start);
      // Outside the handler's range: marks that the exit agreement is owed (ParallelRuntime.agreeExit)
      method.instructions.insertBefore(start, RuntimeCalls.frameCallStarts());
      method.instructions.insert(call, end);
      // First in the table: the call's own handler comes before any handler around it.
      method.tryCatchBlocks.add(0, new TryCatchBlockNode(start, end, handler, "java/lang/Throwable"));
    }
    for (AbstractInsnNode x : method.instructions.toArray()) {
      if (x.getOpcode() >= Opcodes.IRETURN && x.getOpcode() <= Opcodes.RETURN) {
        method.instructions.insertBefore(x, RuntimeCalls.agreeExit());
      }
    }
    InsnList failed = new InsnList();
    failed.add(handler);
    failed.add(RuntimeCalls.collectiveCallFailed());
    failed.add(new InsnNode(Opcodes.ATHROW));
    method.instructions.add(failed);
  }
}
