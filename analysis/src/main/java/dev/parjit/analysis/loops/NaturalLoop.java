package dev.parjit.analysis.loops;

import java.util.BitSet;
import java.util.List;

/**
 * A natural loop: its header (an instruction index) and every instruction of its body, the
 * header included; {@code backEdgeSources} jump back to the header.
 */
public record NaturalLoop(int header, BitSet body, List<Integer> backEdgeSources) {

  /** Whether this loop lies inside {@code outer} (and is not {@code outer} itself). */
  public boolean isInside(NaturalLoop outer) {
    return outer.header != header && outer.body.get(header);
  }
}
