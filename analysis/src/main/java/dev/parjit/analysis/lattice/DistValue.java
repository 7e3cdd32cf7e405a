package dev.parjit.analysis.lattice;

import dev.parjit.analysis.plan.Distribution;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Value;

/**
 * A value in the distribution analysis: its JVM type (as ASM's {@link BasicValue}), its place in
 * the lattice, and the <em>roots</em> it was derived from — the allocations, parameters and frame
 * sources whose distribution it inherits. Roots let the analysis demote an origin to REP when one
 * of its derived values escapes to code Parjit does not model.
 *
 * @param basic        the JVM type, never {@code null}
 * @param distribution the lattice element
 * @param roots        instructions (allocations, frame sources) or parameter markers it derives from
 */
public record DistValue(BasicValue basic, Distribution distribution, Set<Object> roots) implements Value {

  /** A value with no distributed origin. */
  public static DistValue rep(BasicValue basic) {
    return new DistValue(basic, Distribution.REP, Set.of());
  }

  /** A value derived from one root. */
  public static DistValue rooted(BasicValue basic, Distribution distribution, Object root) {
    return new DistValue(basic, distribution, Set.of(root));
  }

  @Override
  public int getSize() {
    return basic.getSize();
  }

  /** Whether the value is split over ranks. */
  public boolean isDistributed() {
    return distribution.isDistributed();
  }

  /** The same origins with another type and distribution. */
  public DistValue with(BasicValue type, Distribution d) {
    return new DistValue(type, d, roots);
  }

  /** Lattice meet with the union of origins (what a control-flow merge sees). */
  public DistValue meet(DistValue other, BasicValue type) {
    Set<Object> union = roots;
    if (!other.roots.isEmpty() && !roots.containsAll(other.roots)) {
      union = new HashSet<>(roots);
      union.addAll(other.roots);
      union = Set.copyOf(union);
    }
    return new DistValue(type, distribution.meet(other.distribution), union);
  }

  /** The parameter marker used as the root of a parameter's value. */
  public record Parameter(int slot) { }

  /** Whether {@code root} is an instruction (allocation or frame source). */
  public static boolean isInstruction(Object root) {
    return root instanceof AbstractInsnNode;
  }
}
