package dev.parjit.analysis.lattice;

import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * A distributed value used where Parjit cannot keep it distributed.
 *
 * @param root   the origin that must become REP
 * @param kind   how the value leaves what the lattice follows
 * @param reason a sentence fragment, e.g. {@code "it is passed to Util.log, which Parjit does not model"}
 * @param where  the instruction that uses the value
 */
public record Escape(Object root, Kind kind, String reason, AbstractInsnNode where) {

  /** How a distributed value leaves what the lattice follows. */
  public enum Kind {
    /** It meets a replicated value where control flow joins. */
    JOIN,
    /** It is passed to a call the model does not know. */
    CALL,
    /** It is captured by a lambda or method reference (string concatenation included). */
    INVOKEDYNAMIC,
    /** It is stored into a field or static. */
    FIELD,
    /** It is stored into an object array ({@code DataFrame.concat}'s varargs): the rewrite gathers it first. */
    OBJECT_ARRAY
  }
}
