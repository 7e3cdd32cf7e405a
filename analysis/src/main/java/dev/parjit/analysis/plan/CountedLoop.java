package dev.parjit.analysis.plan;

import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;

/**
 * The shape of a counted loop {@code for (i = start; i CMP bound; i += step)} in the method's
 * instruction list. Instructions are nodes of the {@code MethodNode} that was analysed, so the
 * transforms edit the very same tree.
 *
 * @param indexSlot   local slot of the index
 * @param indexType   {@code I} or {@code J}
 * @param initStore   the store of the initial value, just before the loop is entered
 * @param header      the loop header label (target of the back edge)
 * @param condition   the first instruction of the condition, at which the index is loaded
 * @param boundInsns  the instructions of the condition that push the bound: loop-invariant and
 *                    free of side effects, so they can be re-evaluated before the loop; empty when
 *                    an int index is compared with zero ({@code i >= 0} compiles to {@code iflt})
 * @param exitJump    the conditional jump that leaves the loop
 * @param exit        the label the loop exits to
 * @param kind        comparison kind
 * @param step        the constant step: positive, or negative for {@link BoundKind#isDescending()} kinds
 * @param increment   the instruction that advances the index ({@code IINC} or the store)
 * @param indexOffset the constant the condition adds to the index ({@code i + 1 < n}: 1); the loop
 *                    runs as {@code i < n - indexOffset}
 * @param offsetInsns the condition's instructions that add it ({@code iconst_1; iadd}), empty when 0
 */
public record CountedLoop(
    int indexSlot,
    String indexType,
    AbstractInsnNode initStore,
    LabelNode header,
    AbstractInsnNode condition,
    List<AbstractInsnNode> boundInsns,
    JumpInsnNode exitJump,
    LabelNode exit,
    BoundKind kind,
    long step,
    AbstractInsnNode increment,
    int indexOffset,
    List<AbstractInsnNode> offsetInsns) {
}
