package dev.parjit.analysis.plan;

import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * A read {@code u[i + c]} of a distributed array that its parallel loop reads at some offset
 * {@code c != 0} and never writes: near the ends of the rank's range it needs other ranks'
 * elements, exchanged before the loop (the halo, for the loop's lowest..highest offsets of the
 * array). Every read of such an array in the loop, {@code u[i]} included, is one of these: it keeps
 * its global index and reads through the halo, so the array need not be split like the loop.
 *
 * @param load      the {@code xALOAD}, which the rewrite makes read through the halo
 * @param arraySlot the local variable holding the array
 * @param offset    {@code c} (0 for {@code u[i]})
 */
public record HaloRead(AbstractInsnNode load, int arraySlot, int offset) {
}
