package dev.parjit.analysis.effects;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.tree.analysis.Value;

/** A stack or local value of the effects analysis: its size and the set of its possible origins. */
final class OriginValue implements Value {

  static final OriginValue UNINITIALIZED = new OriginValue(1, Set.of());
  static final OriginValue ONE = new OriginValue(1, Set.of());
  static final OriginValue TWO = new OriginValue(2, Set.of());

  private final int size;
  private final Set<Origin> origins;

  OriginValue(int size, Set<Origin> origins) {
    this.size = size;
    this.origins = Set.copyOf(origins);
  }

  static OriginValue of(Origin origin) {
    return new OriginValue(1, Set.of(origin));
  }

  static OriginValue primitive(int size) {
    return size == 2 ? TWO : ONE;
  }

  Set<Origin> origins() {
    return origins;
  }

  OriginValue union(OriginValue other) {
    if (other.origins.containsAll(origins) && other.size == size) {
      return other;
    }
    Set<Origin> all = new HashSet<>(origins);
    all.addAll(other.origins);
    return new OriginValue(Math.min(size, other.size), all);
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OriginValue v && v.size == size && v.origins.equals(origins);
  }

  @Override
  public int hashCode() {
    return size * 31 + origins.hashCode();
  }
}
