package dev.parjit.transforms.passes;

import dev.parjit.transforms.InstrSupport;
import dev.parjit.transforms.RuntimeCalls;
import org.objectweb.asm.tree.MethodNode;

/**
 * The one entry hook of every SPMD-rewritten method: {@code ParallelRuntime.enterCall(methodKey)}
 * runs first, before any collective the other passes put at the entry. It drops a failure an
 * earlier call left pending and refuses calls from threads other than the rank's main thread,
 * whose collectives the ranks could not order alike. It runs last, so its call is the first
 * instruction.
 */
public final class CallEntryPass {

  /** Name shown in pass logs. */
  public static final String NAME = "CallEntry";

  private CallEntryPass() { }

  public static void apply(String owner, MethodNode method) {
    method.instructions.insert(RuntimeCalls.enterCall(InstrSupport.methodKey(owner, method.name, method.desc)));
  }
}
