package dev.parjit.analysis.plan;

import java.util.List;
import org.objectweb.asm.tree.JumpInsnNode;

/**
 * A loop's running best and what goes with it: {@code if (v > best) { best = v; at = i; }}. Each
 * rank keeps its own best over its iterations; after the loop the ranks' bests are folded in rank
 * order with the same comparison, and every rank takes the winning rank's best and companions
 * (the runtime's {@code GuardedExtrema}).
 *
 * @param keySlot    the local holding the best value
 * @param keyType    its JVM type: {@code I}, {@code J}, {@code F} or {@code D}
 * @param relation   the guard as {@code v REL best}: {@link #GT}, {@link #GE}, {@link #LT}, {@link #LE}
 * @param companions the locals the guarded block also sets (primitive only)
 * @param guard      the conditional jump that skips the block when the guard fails; the block starts
 *                   right after it
 * @param name       the best value's source name
 */
public record GuardedExtremum(int keySlot, String keyType, int relation, List<Companion> companions,
    JumpInsnNode guard, String name) {

  public static final int GT = 0;
  public static final int GE = 1;
  public static final int LT = 2;
  public static final int LE = 3;

  /** A local set in the guarded block beside the best value (the index of the best, say). */
  public record Companion(int slot, String type, String name) { }
}
