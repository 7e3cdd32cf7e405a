package dev.parjit.analysis;

import dev.parjit.analysis.loops.CountedLoopMatcher;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.SharedBlock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The SPMD rule for stores at exactly the loop's index into a replicated array held in a local
 * ({@code a[i] = e}, {@code a} a parameter: every rank holds the whole array and expects the whole
 * result). Each rank runs its part of the range on its own copy, which it writes only there; after the
 * loop the ranks exchange their parts ({@code SharedBlocks}), also after a failing iteration, so every
 * copy ends as the sequential loop leaves it.
 *
 * <p>Sound when no iteration reads what another wrote: the holder is read only at the index (or for
 * its length), never assigned in the loop and never passed on; any other read of an array of the same
 * element type at another index is of a local that is not assigned in the loop, a field of {@code this}
 * or a static (checked against the holder at run time: when one is the holder, rank 0 runs the whole
 * range); calls reach no arrays
 * (JDK calls with primitive or string arguments, this class's helpers that read none). A read at
 * another index of a local that is the holder would see, on a rank, the values from before the loop
 * where the sequential run sees another iteration's write. Loops counting up with an {@code int} index
 * only: the failure rule keeps the ranks before the failing one.
 */
final class SharedBlockWrites {

  private static final int HELPER_DEPTH = 3;

  private SharedBlockWrites() { }

  /**
   * The loop's shared blocks when the rule holds for every candidate store and the iterations are costly
   * enough to pay for the exchange ({@link #costly}), else an empty list.
   */
  static List<SharedBlock> of(MethodFacts f, ClassNode owner, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    List<SharedBlock> blocks = sound(f, owner, loop, shape, oneD);
    return blocks.isEmpty() || !costly(f, owner, loop) ? List.of() : blocks;
  }

  /**
   * The decline of a loop whose shared blocks would be sound but whose iterations are too cheap to pay
   * for the exchange, naming the first holder; {@code null} for any other loop.
   */
  static Decline whyNot(MethodFacts f, ClassNode owner, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD) {
    List<SharedBlock> blocks = sound(f, owner, loop, shape, oneD);
    if (blocks.isEmpty() || costly(f, owner, loop)) {
      return null;
    }
    int slot = blocks.get(0).holderSlot();
    AbstractInsnNode at = f.method().instructions.get(loop.header());
    return Decline.at(DeclineRule.SHARED_BLOCKS_COST, at, VariableNames.at(f.method(), slot, at));
  }

  /**
   * The cost rule. Sharing moves every element of the range once more (an allgather: on MPJ's niodev
   * about 15–20 ns of CPU per double and rank on the loaded 2-core machine, 6–8 ns quiet), while
   * running the loop whole on each rank costs the iterations the others ran. Measured per iteration
   * sequentially: {@code y[i] = x[i] + b * y[i]} 0.4 ns, a 5-point CSR row 6 ns, a degree-16 Horner
   * polynomial 14 ns, {@code Math.sin(x) * Math.exp(-x)} 20 ns: sharing lost on every one. It pays when
   * each iteration runs an inner loop calling transcendental Math functions (a series' terms), directly
   * or through this class's helpers.
   */
  static boolean costly(MethodFacts f, ClassNode owner, NaturalLoop loop) {
    MethodNode method = f.method();
    for (NaturalLoop inner : f.loops()) {
      if (inner == loop || !inner.isInside(loop)) {
        continue;
      }
      for (int i = inner.body().nextSetBit(0); i >= 0; i = inner.body().nextSetBit(i + 1)) {
        if (method.instructions.get(i) instanceof MethodInsnNode m && transcendental(owner, m, HELPER_DEPTH)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Set<String> TRANSCENDENTAL = Set.of("sin", "cos", "tan", "asin", "acos", "atan", "atan2",
      "exp", "expm1", "log", "log10", "log1p", "pow", "sinh", "cosh", "tanh", "cbrt", "hypot");

  private static boolean transcendental(ClassNode owner, MethodInsnNode m, int depth) {
    if (m.owner.equals("java/lang/Math") || m.owner.equals("java/lang/StrictMath")) {
      return TRANSCENDENTAL.contains(m.name);
    }
    if (!m.owner.equals(owner.name) || depth == 0) {
      return false;
    }
    for (MethodNode helper : owner.methods) {
      if (helper.name.equals(m.name) && helper.desc.equals(m.desc)) {
        for (AbstractInsnNode h : helper.instructions) {
          if (h instanceof MethodInsnNode inner && transcendental(owner, inner, depth - 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The loop's shared blocks when the rule's soundness conditions hold for every candidate store. */
  private static List<SharedBlock> sound(MethodFacts f, ClassNode owner, NaturalLoop loop, CountedLoop shape,
      Set<Integer> oneD) {
    if (f.mode() != ExecutionMode.SPMD || shape == null || !shape.indexType().equals("I")
        || shape.kind().isDescending()) {
      return List.of();
    }
    MethodNode method = f.method();
    BitSet body = loop.body();
    BitSet stored = CountedLoopMatcher.storedSlots(method, loop);
    Map<Integer, Integer> holders = new LinkedHashMap<>(); // slot -> store opcode
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      Integer slot = exactStore(f, x, shape, oneD, stored);
      if (slot != null && !isReductionSlot(f, loop, x, slot)) {
        Integer before = holders.putIfAbsent(slot, x.getOpcode());
        if (before != null && before != x.getOpcode()) {
          return List.of();
        }
      }
    }
    if (holders.isEmpty()) {
      return List.of();
    }
    Map<Integer, Set<Integer>> aliases = new LinkedHashMap<>();
    holders.keySet().forEach(h -> aliases.put(h, new TreeSet<>()));
    Map<Integer, Set<SharedBlock.FieldRead>> fields = new LinkedHashMap<>();
    holders.keySet().forEach(h -> fields.put(h, new java.util.LinkedHashSet<>()));
    boolean aligned = false;
    for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
      AbstractInsnNode x = method.instructions.get(i);
      int op = x.getOpcode();
      if (x instanceof VarInsnNode v && holders.containsKey(v.var)) {
        if (v.getOpcode() != Opcodes.ALOAD || !onlyAtIndex(f, x, shape)) {
          return List.of(); // the holder assigned, read elsewhere than at the index, or passed on
        }
        continue;
      }
      if (isElementAccess(op) && AlignedAccesses.alignedArray(f, x, shape, oneD) != null) {
        aligned = true;
      }
      if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE && op != Opcodes.AASTORE) {
        Integer slot = exactStore(f, x, shape, oneD, stored);
        Set<AbstractInsnNode> ref = f.consumers().operand(x, 2);
        if (slot == null && ref.stream().anyMatch(r -> r instanceof VarInsnNode v && holders.containsKey(v.var))) {
          return List.of(); // the holder written at another index too
        }
      }
      if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD && op != Opcodes.AALOAD) {
        int storeOp = op + (Opcodes.IASTORE - Opcodes.IALOAD);
        List<Integer> sameType = holders.entrySet().stream().filter(e -> e.getValue() == storeOp)
            .map(Map.Entry::getKey).toList();
        if (sameType.isEmpty() || atIndex(f, x, 0, shape)) {
          continue; // a read at the index sees only its own iteration's write
        }
        Set<AbstractInsnNode> ref = f.consumers().operand(x, 1);
        SharedBlock.FieldRead field = ref.size() == 1 ? fieldRead(f, owner, ref.iterator().next()) : null;
        if (field != null) {
          sameType.forEach(h -> fields.get(h).add(field));
          continue;
        }
        if (ref.size() != 1 || !(ref.iterator().next() instanceof VarInsnNode r) || r.getOpcode() != Opcodes.ALOAD
            || stored.get(r.var)) {
          return List.of(); // an array of the holder's type, read at another index, from anywhere
        }
        sameType.forEach(h -> aliases.get(h).add(r.var));
        continue;
      }
      if (x instanceof MethodInsnNode m && !reachesNoArrays(owner, m)) {
        return List.of();
      }
      if (x instanceof InvokeDynamicInsnNode indy && !primitiveOrStringArguments(indy.desc)) {
        return List.of();
      }
    }
    List<SharedBlock> out = new ArrayList<>();
    for (Map.Entry<Integer, Integer> h : holders.entrySet()) {
      if (aligned && (!aliases.get(h.getKey()).isEmpty() || !fields.get(h.getKey()).isEmpty())) {
        return List.of(); // a loop over distributed arrays takes its range from them: no whole-range fallback
      }
      out.add(new SharedBlock(h.getKey(), SharedRowWrites.elementDescriptor(h.getValue()), List.copyOf(aliases.get(h.getKey())),
          List.copyOf(fields.get(h.getKey()))));
    }
    return List.copyOf(out);
  }

  /**
   * Whether {@code store} writes one of the loop's shared blocks as far as soundness goes; the cost rule
   * ({@link #whyNot}) is checked after the loop's other safety rules.
   */
  static boolean acceptsSound(MethodFacts f, ClassNode owner, NaturalLoop loop, CountedLoop shape, Set<Integer> oneD,
      AbstractInsnNode store) {
    if (f.mode() != ExecutionMode.SPMD) {
      return false;
    }
    Integer slot = exactStore(f, store, shape, oneD, CountedLoopMatcher.storedSlots(f.method(), loop));
    return slot != null && sound(f, owner, loop, shape, oneD).stream().anyMatch(b -> b.holderSlot() == slot);
  }

  /** The holder of {@code a[i] = e} ({@code a} a local not in {@code oneD}, not assigned in the loop), or null. */
  private static Integer exactStore(MethodFacts f, AbstractInsnNode store, CountedLoop shape, Set<Integer> oneD,
      BitSet stored) {
    int op = store.getOpcode();
    if (shape == null || op < Opcodes.IASTORE || op > Opcodes.SASTORE || op == Opcodes.AASTORE
        || !atIndex(f, store, 1, shape)) {
      return null;
    }
    Set<AbstractInsnNode> ref = f.consumers().operand(store, 2);
    if (ref.size() != 1 || !(ref.iterator().next() instanceof VarInsnNode a) || a.getOpcode() != Opcodes.ALOAD
        || oneD.contains(a.var) || stored.get(a.var)) {
      return null;
    }
    return a.var;
  }

  /**
   * {@code this.f} (local 0 of an instance method, which the method never assigns) or a static of the
 * method's class, as
   * the array of a read: the loop assigns no field (its safety rule), so it holds one array throughout.
   */
  private static SharedBlock.FieldRead fieldRead(MethodFacts f, ClassNode owner, AbstractInsnNode ref) {
    if (!(ref instanceof org.objectweb.asm.tree.FieldInsnNode fi)) {
      return null;
    }
    if (fi.getOpcode() == Opcodes.GETSTATIC && fi.owner.equals(owner.name)) {
      // a static of the method's own class, initialized already: reading it before the loop runs no initializer
      return new SharedBlock.FieldRead(true, fi.owner, fi.name, fi.desc);
    }
    MethodNode method = f.method();
    if (fi.getOpcode() != Opcodes.GETFIELD || (method.access & Opcodes.ACC_STATIC) != 0) {
      return null;
    }
    Set<AbstractInsnNode> object = f.consumers().operand(fi, 0);
    if (object.size() != 1 || !(object.iterator().next() instanceof VarInsnNode o) || o.var != 0) {
      return null;
    }
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode v && v.var == 0 && v.getOpcode() == Opcodes.ASTORE) {
        return null; // this replaced by another object
      }
    }
    return new SharedBlock.FieldRead(false, fi.owner, fi.name, fi.desc);
  }

  /** A slot whose stores are an array reduction ({@code a[k] += v}): that rule keeps it. */
  private static boolean isReductionSlot(MethodFacts f, NaturalLoop loop, AbstractInsnNode store, int slot) {
    ArrayReductionMatcher.Match m = ArrayReductionMatcher.ofStore(store, f.consumers());
    return m != null && m.slot() == slot
        && ArrayReductionMatcher.onlyReductions(f.method(), loop, slot, m.op(), f.consumers());
  }

  /** Whether the access's index operand at {@code depth} is the loop's index itself. */
  private static boolean atIndex(MethodFacts f, AbstractInsnNode access, int depth, CountedLoop shape) {
    Set<AbstractInsnNode> index = f.consumers().operand(access, depth);
    return index.size() == 1 && index.iterator().next() instanceof VarInsnNode i && i.getOpcode() == Opcodes.ILOAD
        && i.var == shape.indexSlot();
  }

  /** A load of the holder used only as the array of accesses at the index, or for its length. */
  private static boolean onlyAtIndex(MethodFacts f, AbstractInsnNode load, CountedLoop shape) {
    for (AbstractInsnNode use : f.consumers().of(load)) {
      int op = use.getOpcode();
      if (op == Opcodes.ARRAYLENGTH) {
        continue;
      }
      boolean isLoad = op >= Opcodes.IALOAD && op <= Opcodes.SALOAD && op != Opcodes.AALOAD;
      boolean isStore = op >= Opcodes.IASTORE && op <= Opcodes.SASTORE && op != Opcodes.AASTORE;
      if (!(isLoad && f.consumers().operand(use, 1).contains(load) && atIndex(f, use, 0, shape))
          && !(isStore && f.consumers().operand(use, 2).contains(load) && atIndex(f, use, 1, shape))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isElementAccess(int op) {
    return (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE);
  }

  /**
   * A call that cannot read an array the holder may be: JDK code given only primitives and strings
   * (it cannot reach the program's arrays), frame reads, this class's helpers that read no arrays.
   */
  private static boolean reachesNoArrays(ClassNode owner, MethodInsnNode m) {
    if (FrameReads.isElementRead(m) || FrameReads.isSizeRead(m)) {
      return true;
    }
    if (m.owner.startsWith("java/")) {
      boolean receiverHarmless = m.getOpcode() == Opcodes.INVOKESTATIC || m.name.equals("<init>")
          || m.owner.equals("java/io/PrintStream") || m.owner.equals("java/lang/String")
          || m.owner.equals("java/lang/StringBuilder");
      return receiverHarmless && primitiveOrStringArguments(m.desc);
    }
    return SharedRowWrites.helperReadsNoArrays(owner, m, HELPER_DEPTH);
  }

  private static boolean primitiveOrStringArguments(String desc) {
    for (Type t : Type.getArgumentTypes(desc)) {
      if (t.getSort() >= Type.ARRAY && !t.getDescriptor().equals("Ljava/lang/String;")) {
        return false;
      }
    }
    return true;
  }
}
