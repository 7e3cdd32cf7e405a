package dev.parjit.analysis.plan;

import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * An access to a distributed array inside a parallel loop, to be translated from the global
 * index {@code i + offset} to the local one {@code i + offset - start}.
 *
 * @param access        the {@code xALOAD}/{@code xASTORE} instruction
 * @param arraySlot     the local variable holding the array
 * @param indexProducer the instruction whose pushed value is the index; the rewrite inserts the
 *                      subtraction of the rank's start right after it
 * @param offset        the constant {@code c} of {@code a[i + c]} (0 for {@code a[i]})
 * @param inRange       whether the analysis proved the index inside the array for every iteration the
 *                      loop runs; when not, the rewrite checks the global index against the global
 *                      length first, so an index outside the array fails with the sequential message
 */
public record ArrayAccess(AbstractInsnNode access, int arraySlot, AbstractInsnNode indexProducer, int offset,
    boolean inRange) {
}
