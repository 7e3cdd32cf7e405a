package dev.parjit.analysis;

import dev.parjit.analysis.plan.BoundKind;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.RowWidth;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Whether every index a parallel loop runs lies inside an array it accesses at that index: then the
 * rank's access {@code a[i - start]} cannot leave the array, and needs no check. Otherwise the
 * rewrite checks the global index against the global length before the access, so an index past the
 * array's end fails with the sequential message ({@code Index 5 out of bounds for length 5}) rather
 * than the chunk's ({@code Index 2 out of bounds for length 2}): only the first and last ranks run
 * iterations outside the array, and there a chunk's index and length are not the array's.
 *
 * <p>The proof compares the loop's range with the array's length symbolically. The lowest index must be
 * a constant {@code >= 0} ({@code i = 0}; counting down, a bound {@code i >= 0}); the highest must be
 * below a value known to be the array's length: {@code a.length} of the array itself; a parameter
 * never assigned or a local assigned once that sized the array's allocation ({@code new double[n]}
 * and {@code i < n}), or that holds such a length ({@code int n = a.length}); minus any constant
 * ({@code i < n - 1}, {@code i <= n - 1}). For rows {@code a[k * i + j]} the loop's bound must be the
 * row count the allocation {@code new double[rows * k]} was sized with. Anything else is checked.
 */
final class IndexBounds {

  private IndexBounds() { }

  /** How far the proof for one array reaches. */
  enum Reach {
    /** Not proven: the loop may index outside the array. */
    NONE,
    /** Inside the array whenever the array is not null (its access then fails on null first). */
    UNLESS_NULL,
    /**
     * Inside the array, which cannot be null where the loop runs (its length was read, or it is an
     * allocation): the loop's other aligned arrays, split and sized like it or failing the loop before
     * its first iteration ({@code ParallelRuntime.checkAligned}), are inside theirs too.
     */
    ALWAYS
  }

  /**
   * Whether each index {@code loop} runs is inside the array in {@code arraySlot}, or inside its rows
   * of {@code rowWidth} elements when {@code rowWidth} is not null (the loop then runs over rows).
   */
  static Reach inRange(MethodFacts f, CountedLoop loop, int arraySlot, RowWidth rowWidth) {
    if (loop == null || !loop.indexType().equals("I")) {
      return Reach.NONE;
    }
    Lengths length = rowWidth != null ? rowCounts(f, arraySlot, rowWidth) : lengths(f, arraySlot);
    if (length.keys().isEmpty()) {
      return Reach.NONE;
    }
    Below top;
    if (loop.kind().isDescending()) {
      // i from init down to the bound: init <= length - 1 and the lowest index >= 0
      Integer bound = loop.boundInsns().isEmpty() ? Integer.valueOf(0) : constant(boundValue(f, loop));
      int lowest = bound == null ? -1 : loop.kind() == BoundKind.GT ? bound + 1 : bound;
      top = below(f, initValue(f, loop));
      if (bound == null || lowest - loop.indexOffset() < 0 || top == null || top.by() < 1) {
        return Reach.NONE;
      }
    } else {
      // i from init up to the bound: init >= 0 and the last index run <= length - 1
      Integer first = constant(initValue(f, loop));
      top = loop.boundInsns().isEmpty() ? null : below(f, boundValue(f, loop));
      if (first == null || first < 0 || top == null) {
        return Reach.NONE;
      }
      // i + c < n runs i < n - c: a larger c only ends the range sooner
      long under = (long) top.by() + loop.indexOffset();
      if (under < (loop.kind() == BoundKind.LE ? 1 : 0)) {
        return Reach.NONE;
      }
    }
    Set<String> met = new HashSet<>(top.keys());
    met.retainAll(length.keys());
    if (met.isEmpty()) {
      return Reach.NONE;
    }
    // a.length was read (at the loop, or once into a local): a is not null; an allocation never is
    return met.contains("len:" + arraySlot) || length.neverNull() ? Reach.ALWAYS : Reach.UNLESS_NULL;
  }

  /** What an array's length (or row count) is known to equal, and whether the array is never null. */
  private record Lengths(Set<String> keys, boolean neverNull) { }

  /** An expression {@code x - by} ({@code by} may be 0) with what {@code x} is known to equal. */
  private record Below(Set<String> keys, int by) { }

  private static Below below(MethodFacts f, AbstractInsnNode value) {
    int by = 0;
    while (value != null && value.getOpcode() == Opcodes.ISUB) {
      Integer c = constant(single(f.consumers().operand(value, 0)));
      if (c == null || c < 0 || (long) by + c > Integer.MAX_VALUE) {
        return null;
      }
      by += c;
      value = single(f.consumers().operand(value, 1));
    }
    Set<String> keys = value == null ? Set.of() : keys(f, value, true, 2);
    return keys.isEmpty() ? null : new Below(keys, by);
  }

  /**
   * What an int value is known to equal, as keys: {@code len:a} (the length of the array in slot
   * {@code a}) and {@code size:n} (the value of the one-value local {@code n}). {@code atLoop}: the
   * value is computed where the loop starts (its bound, its first index), so {@code a.length} there is
   * the length of the array the loop accesses through {@code a} even when {@code a} is assigned
   * elsewhere; a value computed earlier (an allocation's size, a local's one store) names only arrays
   * that every read of {@code a} sees.
   */
  private static Set<String> keys(MethodFacts f, AbstractInsnNode value, boolean atLoop, int depth) {
    Set<String> out = new HashSet<>();
    if (value.getOpcode() == Opcodes.ARRAYLENGTH) {
      AbstractInsnNode array = single(f.consumers().operand(value, 0));
      if (array instanceof VarInsnNode a && a.getOpcode() == Opcodes.ALOAD
          && (atLoop || FlatRows.isOneValue(f.method(), a.var))) {
        out.add("len:" + a.var);
      }
    } else if (value instanceof VarInsnNode v && v.getOpcode() == Opcodes.ILOAD && FlatRows.isOneValue(f.method(), v.var)) {
      out.add("size:" + v.var);
      AbstractInsnNode store = single(f.consumers().definitions(v, v.var));
      if (store != null && depth > 0) {
        // int n = a.length: n is a's length too
        AbstractInsnNode stored = single(f.consumers().operand(store, 0));
        if (stored != null) {
          out.addAll(keys(f, stored, false, depth - 1));
        }
      }
    }
    return out;
  }

  /** What the length of the array in {@code slot} is known to equal, wherever the loop reads it. */
  private static Lengths lengths(MethodFacts f, int slot) {
    Set<String> out = new HashSet<>();
    out.add("len:" + slot);
    Allocations allocs = allocations(f, slot);
    Set<String> sized = null;
    for (AbstractInsnNode alloc : allocs.sites()) {
      AbstractInsnNode size = single(f.consumers().operand(alloc,
          alloc instanceof MultiANewArrayInsnNode m ? m.dims - 1 : 0));
      Set<String> keys = size == null ? Set.of() : keys(f, size, false, 2);
      if (sized == null) {
        sized = keys;
      } else {
        sized = new HashSet<>(sized);
        sized.retainAll(keys); // a swapped buffer may hold any of its group's allocations
      }
    }
    if (sized != null) {
      out.addAll(sized);
    }
    return new Lengths(out, !allocs.sites().isEmpty() && !allocs.mayBeNull());
  }

  /** The row count of {@code new T[rows * k]} in {@code slot}, {@code k} the loop's {@code width}, as keys. */
  private static Lengths rowCounts(MethodFacts f, int slot, RowWidth width) {
    Allocations allocs = allocations(f, slot);
    if (allocs.sites().size() != 1 || f.rotations().contains(slot)) {
      return new Lengths(Set.of(), false);
    }
    AbstractInsnNode mul = single(f.consumers().operand(allocs.sites().iterator().next(), 0));
    if (mul == null || mul.getOpcode() != Opcodes.IMUL) {
      return new Lengths(Set.of(), false);
    }
    for (int side = 0; side < 2; side++) {
      AbstractInsnNode k = single(f.consumers().operand(mul, side));
      AbstractInsnNode rows = single(f.consumers().operand(mul, 1 - side));
      if (rows != null && isWidth(k, width)) {
        return new Lengths(keys(f, rows, false, 2), !allocs.mayBeNull());
      }
    }
    return new Lengths(Set.of(), false);
  }

  /** The allocations an array may come from, and whether it may be null instead. */
  private record Allocations(Set<AbstractInsnNode> sites, boolean mayBeNull) { }

  /**
   * The allocations the array in {@code slot} may come from: its one allocation, or each of its
   * buffer group's; none for a parameter, or when it may hold anything else. A null beside them
   * ({@code make ? new double[n] : null}) is noted: the access then throws
   * {@code NullPointerException} before any index matters, but the array proves nothing for others.
   */
  private static Allocations allocations(MethodFacts f, int slot) {
    if (f.rotations().contains(slot)) {
      return new Allocations(Set.copyOf(f.rotations().groupOf(slot).allocations().values()), false);
    }
    AbstractInsnNode store = f.candidateStores().get(slot);
    if (store == null) {
      return new Allocations(Set.of(), true);
    }
    Set<AbstractInsnNode> out = new HashSet<>();
    boolean mayBeNull = false;
    for (AbstractInsnNode x : f.consumers().operand(store, 0)) {
      if (DistributedArrayCandidates.isAllocation(x)) {
        out.add(x);
      } else if (x.getOpcode() == Opcodes.ACONST_NULL) {
        mayBeNull = true;
      } else {
        return new Allocations(Set.of(), true);
      }
    }
    return new Allocations(out, mayBeNull);
  }

  private static AbstractInsnNode initValue(MethodFacts f, CountedLoop loop) {
    return single(f.consumers().operand(loop.initStore(), 0));
  }

  /** The bound the exit jump compares the index with. */
  private static AbstractInsnNode boundValue(MethodFacts f, CountedLoop loop) {
    return single(f.consumers().operand(loop.exitJump(), 0));
  }

  /** Whether {@code k} reads the rows' width: its local, its constant, or its field of {@code this}. */
  private static boolean isWidth(AbstractInsnNode k, RowWidth width) {
    if (width.slot() >= 0) {
      return k instanceof VarInsnNode w && w.getOpcode() == Opcodes.ILOAD && w.var == width.slot();
    }
    if (width.isField()) {
      return k instanceof org.objectweb.asm.tree.FieldInsnNode g && g.getOpcode() == Opcodes.GETFIELD
          && g.owner.equals(width.fieldOwner()) && g.name.equals(width.fieldName());
    }
    Integer c = constant(k);
    return c != null && c == width.constant();
  }

  private static boolean meets(Set<String> a, Set<String> b) {
    return a.stream().anyMatch(b::contains);
  }

  private static Integer constant(AbstractInsnNode x) {
    return StencilIndex.constant(x);
  }

  private static AbstractInsnNode single(Set<AbstractInsnNode> s) {
    return s.size() == 1 ? s.iterator().next() : null;
  }
}
