package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.SpecializationKey;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Spawn-mode workers: a call to another {@code @Jit} method of the class becomes an
 * {@code invokedynamic} naming the callee's specialization key (how the caller passes its arrays
 * and frames), linked once by {@code dev.parjit.runtime.Specializations.link} to the callee's body
 * for that key.
 */
public final class SpecializedCallsPass {

  /** Name shown in pass logs. */
  public static final String NAME = "SpecializedCalls";

  private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, "dev/parjit/runtime/Specializations",
      "link", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/invoke/CallSite;", false);

  private SpecializedCallsPass() { }

  /**
   * Rewrites the plan's calls to {@code members} ({@code name + desc} of the class's spawn-mode
   * {@code @Jit} methods) still in {@code method}; returns how many.
   */
  public static int apply(MethodNode method, MethodPlan plan, Set<String> members) {
    int n = 0;
    for (Map.Entry<MethodInsnNode, SpecializationKey> e : plan.callKeys().entrySet()) {
      MethodInsnNode call = e.getKey();
      if (!members.contains(call.name + call.desc) || !method.instructions.contains(call)) {
        continue;
      }
      method.instructions.set(call, new InvokeDynamicInsnNode(call.name, call.desc, BOOTSTRAP,
          Type.getObjectType(call.owner), e.getValue().code()));
      n++;
    }
    return n;
  }
}
