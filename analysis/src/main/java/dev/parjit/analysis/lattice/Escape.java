package dev.parjit.analysis.lattice;

import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * A distributed value used where Parjit cannot keep it distributed.
 *
 * @param root   the origin that must become REP
 * @param reason a sentence fragment, e.g. {@code "it is passed to Util.log, which Parjit does not model"}
 * @param where  the instruction that uses the value
 */
public record Escape(Object root, String reason, AbstractInsnNode where) { }
