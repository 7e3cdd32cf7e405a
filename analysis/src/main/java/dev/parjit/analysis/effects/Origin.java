package dev.parjit.analysis.effects;

/**
 * Where a reference held by a method may come from. The effects analysis only needs to know whether
 * memory written through a reference is the caller's (a parameter), the method's own (fresh), or
 * something else the workers cannot write back (statics, fields, rows of arrays, unknown results).
 */
sealed interface Origin {

  /** Parameter {@code index} in declaration order; {@code -1} is {@code this}. */
  record Param(int index) implements Origin { }

  /** Allocated by the method (or returned fresh by a call known to allocate): nobody else sees it. */
  record Fresh() implements Origin { }

  /** The value of static field {@code owner.name}. */
  record Static(String owner, String name) implements Origin { }

  /** The value of an instance field {@code name}. */
  record Field(String name) implements Origin { }

  /** An element of an array whose own origin is {@code root} (never itself an element). */
  record Element(Origin root) implements Origin { }

  /** The result of a call Parjit does not model, or a caught exception. */
  record Unknown(String what) implements Origin { }

  Origin FRESH = new Fresh();

  /** The element origin of an array of this origin: rows of rows collapse to rows. */
  static Origin elementOf(Origin array) {
    return array instanceof Element e ? e : new Element(array);
  }
}
