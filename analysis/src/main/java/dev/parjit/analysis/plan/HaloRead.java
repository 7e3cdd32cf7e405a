package dev.parjit.analysis.plan;

import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * A stencil read {@code u[i + c]} ({@code c != 0}) of a distributed array that its parallel loop
 * does not write: near the ends of a rank's chunk it reads a neighbour's element, exchanged before
 * the loop into a halo (the rank's {@code lowest}..{@code highest} neighbours of each array).
 *
 * @param load      the {@code xALOAD}; its index is also listed as an {@link ArrayAccess} (translated
 *                  to the local index), and the rewrite makes the load read through the halo
 * @param arraySlot the local variable holding the array
 * @param offset    {@code c}
 */
public record HaloRead(AbstractInsnNode load, int arraySlot, int offset) {
}
