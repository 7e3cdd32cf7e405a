package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.HaloRead;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.transforms.RuntimeCalls;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The stencil part of chunking a loop ({@link LoopChunkingPass} calls it): before the loop, each
 * array read at {@code i + c} fetches what the rank's range {@code [i, end)} reads outside its chunk
 * ({@code h = Halo.exchange(u, lowest, highest, i, end)}); in the loop, those reads become
 * {@code Halo.read(u, g, h)} with their global index {@code g}, which reads the chunk inside it and
 * the fetched copies outside. Runs again at each entry of the loop, so a time-step loop exchanges
 * only halos from one step to the next. Where a loop's stencil reads cannot leave the rank's chunks,
 * {@link StencilPeelingPass} later gives it a copy that reads the chunks directly. The nonzeros a CSR row loop reads ({@code val[k]} for
 * {@code k} in {@code rowptr[i]..rowptr[i + 1]}) are fetched after the row pointer's halo, from its
 * values: {@code Halo.exchangeSegments(val, rowptr, hRowptr, i, end)}; a vector read through their
 * column indices ({@code x[col[k]]}) after those, from the indices:
 * {@code Halo.exchangeIndexed(x, col, hCol, rowptr, hRowptr, i, end)}. A fixed row a loop over rows reads
 * ({@code a[r * k + c]}, an LU pivot row) is fetched whole from its owner: {@code Halo.exchangeRow(a, r, k, i, end)},
 * which also checks that {@code r} is a row of the array and below {@code k}.
 *
 * <p>Exchanges whose inputs the method never writes ({@link HaloRead#invariant()}) go through a
 * per-invocation memo instead ({@code HaloMemo}, a local set to {@code null} at the method's entry):
 * a CSR row loop inside a solver's iteration loop fetches the matrix's parts and learns which
 * vector elements to fetch once, then sends only the vector's values at each iteration.
 */
public final class HaloExchangePass {

  /** Name shown in pass logs. */
  public static final String NAME = "HaloExchange";

  private HaloExchangePass() { }

  /** Whether the loop memoizes an exchange: its preheader then needs the loop's global range ({@link #exchange}). */
  static boolean memoizes(LoopPlan loop) {
    return loop.haloReads().stream().anyMatch(HaloRead::invariant);
  }

  /**
   * Appends the exchanges to the loop's preheader {@code pre}, after the rank's first index and
   * exclusive end are stored in {@code indexSlot} and {@code endSlot}; returns each array's halo local.
   * {@code loSlot} and {@code globalEndSlot} hold the loop's global range (read only when
   * {@link #memoizes}): the memo is kept while they and the arrays stay the same, which every rank
   * sees alike.
   */
  static Map<Integer, Integer> exchange(MethodNode method, LoopPlan loop, InsnList pre, int indexSlot, int endSlot,
      int loSlot, int globalEndSlot) {
    Map<Integer, int[]> range = new LinkedHashMap<>();
    Map<Integer, Integer> segments = new LinkedHashMap<>();
    Map<Integer, HaloRead> indexed = new LinkedHashMap<>();
    Map<Integer, HaloRead> fixedRows = new LinkedHashMap<>();
    java.util.Set<Integer> variant = new java.util.HashSet<>(); // arrays with a read whose exchange may change
    java.util.Set<java.util.List<Integer>> checked = new java.util.HashSet<>();
    for (HaloRead h : loop.haloReads()) {
      for (int written : h.mayBeWritten()) {
        if (checked.add(java.util.List.of(h.arraySlot(), written))) {
          // The same array passed as both: the loop would read what it writes (a clear error, not a wrong answer).
          pre.add(new VarInsnNode(Opcodes.ALOAD, h.arraySlot()));
          pre.add(new VarInsnNode(Opcodes.ALOAD, written));
          pre.add(RuntimeCalls.haloCheckSeparate());
        }
      }
      if (!h.invariant()) {
        variant.add(h.arraySlot());
      }
      if (h.isFixedRow()) {
        HaloRead before = fixedRows.putIfAbsent(h.arraySlot(), h);
        if (before != null && before.fixedRow().rowSlot() != h.fixedRow().rowSlot()) {
          // one halo local per array: the analysis declines two fixed rows of one array (TWO_FIXED_ROWS), so
          // a plan with two is a bug and the original code must run
          throw new IllegalStateException("loop #" + loop.id() + " reads two fixed rows of one array");
        }
        continue;
      }
      if (h.isIndexed()) {
        indexed.putIfAbsent(h.arraySlot(), h);
        continue;
      }
      if (h.isSegment()) {
        segments.put(h.arraySlot(), h.rowPointerSlot());
        continue;
      }
      int[] r = range.computeIfAbsent(h.arraySlot(), s -> new int[2]);
      r[0] = Math.min(r[0], h.offset());
      r[1] = Math.max(r[1], h.offset());
    }
    Map<Integer, Integer> locals = new LinkedHashMap<>();
    int memo = memoizes(loop) && globalEndSlot >= 0 ? enterMemo(method, loop, pre, loSlot, globalEndSlot) : -1;
    int[] entries = {0};
    range.forEach((slot, r) -> {
      InsnList args = new InsnList();
      args.add(new VarInsnNode(Opcodes.ALOAD, slot));
      args.add(new LdcInsnNode(r[0]));
      args.add(new LdcInsnNode(r[1]));
      exchange(method, pre, slot, memo >= 0 && !variant.contains(slot) ? memo : -1, entries, args, indexSlot, endSlot,
          RuntimeCalls.haloExchange(), RuntimeCalls.memoExchange(), locals);
    });
    // a[r * k + c]: row r from its owner (never memoized: r may change between entries of the loop)
    fixedRows.forEach((slot, h) -> {
      InsnList args = new InsnList();
      args.add(new VarInsnNode(Opcodes.ALOAD, slot));
      args.add(new VarInsnNode(Opcodes.ILOAD, h.fixedRow().rowSlot()));
      args.add(dev.parjit.transforms.RowArrays.loadWidth(h.fixedRow().width()));
      exchange(method, pre, slot, -1, entries, args, indexSlot, endSlot, RuntimeCalls.haloRow(), null, locals);
    });
    // CSR nonzeros: what the rank's rows read, from the row pointer's values (through its halo).
    segments.forEach((slot, rowptr) -> {
      InsnList args = new InsnList();
      args.add(new VarInsnNode(Opcodes.ALOAD, slot));
      args.add(new VarInsnNode(Opcodes.ALOAD, rowptr));
      args.add(new VarInsnNode(Opcodes.ALOAD, locals.get(rowptr)));
      exchange(method, pre, slot, memo >= 0 && !variant.contains(slot) ? memo : -1, entries, args, indexSlot, endSlot,
          RuntimeCalls.haloSegments(), RuntimeCalls.memoSegments(), locals);
    });
    // x[col[k]]: what the rank's column indices name, read through col's and the row pointer's halos.
    indexed.forEach((slot, h) -> {
      InsnList args = new InsnList();
      args.add(new VarInsnNode(Opcodes.ALOAD, slot));
      args.add(new VarInsnNode(Opcodes.ALOAD, h.indexArraySlot()));
      args.add(haloOrNull(locals, h.indexArraySlot()));
      args.add(new VarInsnNode(Opcodes.ALOAD, h.rowPointerSlot()));
      args.add(haloOrNull(locals, h.rowPointerSlot()));
      exchange(method, pre, slot, memo >= 0 && !variant.contains(slot) ? memo : -1, entries, args, indexSlot, endSlot,
          RuntimeCalls.haloIndexed(), RuntimeCalls.memoIndexed(), locals);
    });
    return locals;
  }

  /**
   * {@code halo = exchange(args..., i, end)} for one array into a new local, recorded in {@code locals};
   * with a memo ({@code memo >= 0}) the memoized form, {@code memo} and its next entry number first.
   */
  private static void exchange(MethodNode method, InsnList pre, int slot, int memo, int[] entries, InsnList args,
      int indexSlot, int endSlot, AbstractInsnNode direct, AbstractInsnNode memoized, Map<Integer, Integer> locals) {
    int local = method.maxLocals++;
    if (memo >= 0) {
      pre.add(new VarInsnNode(Opcodes.ALOAD, memo));
      pre.add(new LdcInsnNode(entries[0]++));
    }
    pre.add(args);
    pre.add(new VarInsnNode(Opcodes.ILOAD, indexSlot));
    pre.add(new VarInsnNode(Opcodes.ILOAD, endSlot));
    pre.add(memo >= 0 ? memoized : direct);
    pre.add(new VarInsnNode(Opcodes.ASTORE, local));
    locals.put(slot, local);
  }

  /**
   * A memo local, {@code null} from the method's entry (so it is set on every path), and in the
   * preheader {@code memo = HaloMemo.enter(memo, lo, globalEnd, rangeArray)}; returns the local.
   */
  private static int enterMemo(MethodNode method, LoopPlan loop, InsnList pre, int loSlot, int globalEndSlot) {
    int memo = method.maxLocals++;
    InsnList init = new InsnList();
    init.add(new org.objectweb.asm.tree.InsnNode(Opcodes.ACONST_NULL));
    init.add(new VarInsnNode(Opcodes.ASTORE, memo));
    method.instructions.insert(init);
    pre.add(new VarInsnNode(Opcodes.ALOAD, memo));
    pre.add(new VarInsnNode(Opcodes.ILOAD, loSlot));
    pre.add(new VarInsnNode(Opcodes.ILOAD, globalEndSlot));
    // The rank's range follows the loop's first aligned array (or the block formula): part of the key.
    pre.add(loop.alignedArraySlots().isEmpty() ? new org.objectweb.asm.tree.InsnNode(Opcodes.ACONST_NULL)
        : new VarInsnNode(Opcodes.ALOAD, loop.alignedArraySlots().get(0)));
    pre.add(RuntimeCalls.memoEnter());
    pre.add(new VarInsnNode(Opcodes.ASTORE, memo));
    return memo;
  }

  /** The halo local of a split array, or {@code null} for one every rank holds whole (no halo: read in place). */
  private static AbstractInsnNode haloOrNull(Map<Integer, Integer> locals, int slot) {
    Integer local = locals.get(slot);
    return local == null ? new org.objectweb.asm.tree.InsnNode(Opcodes.ACONST_NULL) : new VarInsnNode(Opcodes.ALOAD, local);
  }

  /**
   * Makes each stencil read go through its array's halo; returns those of the arrays in
   * {@code stencilArrays} (for {@link StencilPeelingPass}, which makes them plain again where they
   * cannot leave the chunk).
   */
  static java.util.List<StencilPeelingPass.Read> redirect(MethodNode method, LoopPlan loop, Map<Integer, Integer> locals,
      java.util.Set<Integer> stencilArrays) {
    java.util.List<StencilPeelingPass.Read> reads = new java.util.ArrayList<>();
    for (HaloRead h : loop.haloReads()) {
      AbstractInsnNode load = h.load();
      VarInsnNode halo = new VarInsnNode(Opcodes.ALOAD, locals.get(h.arraySlot()));
      method.instructions.insertBefore(load, halo);
      org.objectweb.asm.tree.MethodInsnNode read = RuntimeCalls.haloRead(h.isRow() ? "Ljava/lang/Object;"
          : elementType(load.getOpcode()));
      method.instructions.set(load, read);
      if (h.isRow()) {
        // m[i - 1]: a row, returned as an Object; the interior copy's plain AALOAD leaves the cast harmless
        method.instructions.insert(read, new org.objectweb.asm.tree.TypeInsnNode(Opcodes.CHECKCAST, h.rowType()));
      }
      if (stencilArrays.contains(h.arraySlot())) {
        reads.add(new StencilPeelingPass.Read(halo, read, h.arraySlot(), load.getOpcode()));
      }
    }
    return reads;
  }

  private static String elementType(int load) {
    switch (load) {
      case Opcodes.DALOAD: return "D";
      case Opcodes.FALOAD: return "F";
      case Opcodes.LALOAD: return "J";
      case Opcodes.IALOAD: return "I";
      default: throw new IllegalStateException("no halo read for opcode " + load);
    }
  }
}
