package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.HaloRead;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.transforms.RuntimeCalls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Splits a chunked stencil loop into the iterations whose reads {@code u[i + c]} may fall outside the
 * rank's chunk and those whose reads cannot, so that the latter read the chunk directly. Every
 * stencil read goes through {@code Halo.read(u, g, h)}, whose test "inside the chunk?" is a branch per
 * read: with it the JIT neither unrolls nor vectorises the sweep, and a memory-bound Jacobi sweep runs
 * some 20% slower than the original loop on the same chunk (HaloReadBench). The loop becomes three
 * copies of itself, run one after the other with the same index:
 * <pre>
 *   // preheader, after the exchanges: the interior of every stencil array u, read at lowest..highest
 *   before = min(max_u Halo.interiorFrom(h_u, lowest_u), end); inside = min(min_u Halo.interiorTo(h_u, highest_u), end)
 *   s_u = Halo.chunkStart(h_u)
 * header:   if (i >= before) goto interior; ...body, reads through the halo...; i += step; goto header
 * interior: if (i >= inside) goto after;    ...body, u[g - s_u]...;               i += step; goto interior
 * after:    if (i >= end) goto combine;     ...body, reads through the halo...;   i += step; goto after
 * </pre>
 * The iterations run in the sequential order, so failures, prints and reductions are those of the
 * one loop; the interior copy only runs for {@code i} with every read inside the chunks (which holds
 * for any step), and its reads cannot fail. The copies share the loop's failure handler; handlers
 * inside the body are copied with it.
 *
 * <p>It runs after every other pass of the method ({@code ClassRewriter.applyPasses}), since those
 * edit the loop body's instructions by identity and would miss the copies; {@link LoopChunkingPass}
 * computes the bounds in the preheader and hands over a {@link Site}. A site whose loop no longer has
 * its shape, or whose copies would make the method too large for the JIT ({@link CodeSize}), stays one
 * loop through the halo: slower, never different.
 */
public final class StencilPeelingPass {

  /** Name shown in pass logs. */
  public static final String NAME = "StencilPeeling";

  /** The method may grow to this many bytes with the copies: a margin below {@link CodeSize#HUGE_METHOD_LIMIT}. */
  static final int METHOD_BUDGET = CodeSize.HUGE_METHOD_LIMIT - 1000;

  private StencilPeelingPass() { }

  /**
   * A stencil read after {@link HaloExchangePass#redirect}: {@code haloLoad} pushes the halo,
   * {@code call} is {@code Halo.read}; the interior copy drops the first and reads {@code u[g - start]}
   * with {@code loadOpcode} instead of the second.
   */
  record Read(AbstractInsnNode haloLoad, MethodInsnNode call, int arraySlot, int loadOpcode) { }

  /** The preheader's part: locals holding the bounds of the interior and each array's chunk start. */
  record Bounds(int before, int inside, Map<Integer, Integer> chunkStarts) { }

  /**
   * A loop to split once the other passes are done.
   *
   * @param loopId   the loop's id, for the pass log
   * @param header   the loop's header label
   * @param backEdge the {@code goto header} closing it
   * @param exitJump the jump leaving the loop, preceded by the load of {@code endSlot}
   * @param endSlot  the rank's exclusive end of the loop
   * @param bounds   the interior's bounds
   * @param reads    the stencil reads, which the interior copy makes plain
   * @param locals   the locals the interior relies on staying put in the loop: the arrays and their halos
   */
  public record Site(int loopId, LabelNode header, AbstractInsnNode backEdge, JumpInsnNode exitJump, int endSlot,
      Bounds bounds, List<Read> reads, Set<Integer> locals) { }

  /**
   * The arrays of the loop whose reads are all plain stencil reads ({@code u[i + c]}, neither CSR
   * nonzeros nor indexed), with their lowest and highest offsets; empty when an array is read both
   * ways (the loop is then not split).
   */
  static Map<Integer, int[]> stencilArrays(LoopPlan loop) {
    Map<Integer, int[]> range = new LinkedHashMap<>();
    java.util.Set<Integer> other = new java.util.HashSet<>();
    for (HaloRead h : loop.haloReads()) {
      if (h.isIndexed() || h.isSegment() || h.isFixedRow()) {
        other.add(h.arraySlot());
        continue;
      }
      int[] r = range.computeIfAbsent(h.arraySlot(), s -> new int[2]);
      r[0] = Math.min(r[0], h.offset());
      r[1] = Math.max(r[1], h.offset());
    }
    return range.keySet().stream().anyMatch(other::contains) ? Map.of() : range;
  }

  /**
   * Appends to the preheader {@code pre} (after the exchanges, whose halo locals are {@code halos})
   * the interior's bounds for the rank's range ending at {@code endSlot}; {@code null} when the loop
   * has no stencil array to read directly.
   */
  static Bounds bounds(MethodNode method, LoopPlan loop, InsnList pre, Map<Integer, Integer> halos, int endSlot) {
    Map<Integer, int[]> arrays = stencilArrays(loop);
    if (arrays.isEmpty()) {
      return null;
    }
    int before = method.maxLocals++;
    int inside = method.maxLocals++;
    pre.add(new LdcInsnNode(Integer.MIN_VALUE));
    arrays.forEach((slot, r) -> {
      pre.add(new VarInsnNode(Opcodes.ALOAD, halos.get(slot)));
      pre.add(new LdcInsnNode(r[0]));
      pre.add(RuntimeCalls.haloInteriorFrom());
      pre.add(RuntimeCalls.intMax());
    });
    pre.add(new VarInsnNode(Opcodes.ILOAD, endSlot));
    pre.add(RuntimeCalls.intMin());
    pre.add(new VarInsnNode(Opcodes.ISTORE, before));
    pre.add(new LdcInsnNode(Integer.MAX_VALUE));
    arrays.forEach((slot, r) -> {
      pre.add(new VarInsnNode(Opcodes.ALOAD, halos.get(slot)));
      pre.add(new LdcInsnNode(r[1]));
      pre.add(RuntimeCalls.haloInteriorTo());
      pre.add(RuntimeCalls.intMin());
    });
    pre.add(new VarInsnNode(Opcodes.ILOAD, endSlot));
    pre.add(RuntimeCalls.intMin());
    pre.add(new VarInsnNode(Opcodes.ISTORE, inside));
    Map<Integer, Integer> starts = new LinkedHashMap<>();
    for (int slot : arrays.keySet()) {
      int start = method.maxLocals++;
      pre.add(new VarInsnNode(Opcodes.ALOAD, halos.get(slot)));
      pre.add(RuntimeCalls.haloChunkStart());
      pre.add(new VarInsnNode(Opcodes.ISTORE, start));
      starts.put(slot, start);
    }
    return new Bounds(before, inside, starts);
  }

  /** Splits every site's loop in {@code method} (named {@code name} in the log); returns one log line per site. */
  public static List<String> apply(MethodNode method, String name, List<Site> sites) {
    List<String> log = new ArrayList<>();
    for (Site site : sites) {
      String declined = apply(method, site);
      log.add(NAME + " " + name + " loop #" + site.loopId() + (declined == null ? ": applied" : ": declined: " + declined));
    }
    return log;
  }

  /** Splits one loop; returns {@code null} when applied, else why it kept the loop whole. */
  static String apply(MethodNode method, Site site) {
    InsnList insns = method.instructions;
    if (!insns.contains(site.header()) || !insns.contains(site.backEdge()) || !insns.contains(site.exitJump())) {
      return "the loop's instructions were replaced";
    }
    int from = insns.indexOf(site.header());
    int to = insns.indexOf(site.backEdge());
    if (!(site.backEdge() instanceof JumpInsnNode back) || back.getOpcode() != Opcodes.GOTO
        || back.label != site.header() || to < from) {
      return "the loop no longer closes with a jump to its header";
    }
    AbstractInsnNode bound = previousReal(site.exitJump());
    if (!(bound instanceof VarInsnNode v) || v.getOpcode() != Opcodes.ILOAD || v.var != site.endSlot()
        || !within(insns, site.exitJump(), from, to) || !within(insns, bound, from, to)) {
      return "the loop's condition is not a comparison with the rank's end";
    }
    for (Read r : site.reads()) {
      if (!within(insns, r.haloLoad(), from, to) || !within(insns, r.call(), from, to)) {
        return "a stencil read is no longer in the loop";
      }
    }
    for (AbstractInsnNode x = site.header(); x != site.backEdge(); x = x.getNext()) {
      if (x instanceof VarInsnNode store && store.getOpcode() == Opcodes.ASTORE && site.locals().contains(store.var)) {
        return "the loop assigns a variable holding a stencil array or its halo";
      }
    }
    List<TryCatchBlockNode> inner = new ArrayList<>();
    for (TryCatchBlockNode c : method.tryCatchBlocks) {
      int s = insns.indexOf(c.start);
      int e = insns.indexOf(c.end);
      boolean in = s >= from && e <= to;
      if (in) {
        inner.add(c);
      } else if (s > from && s <= to) {
        return "a handler's range starts inside the loop and ends after it";
      }
    }
    int size = CodeSize.of(insns);
    int body = CodeSize.of(site.header(), site.backEdge());
    if (size + 2 * body > METHOD_BUDGET) {
      return "two more copies of the loop (" + body + " bytes each) would make the method larger than "
          + METHOD_BUDGET + " bytes, which the JIT compiles no more";
    }
    Copy interior = copy(method, site);
    Copy after = copy(method, site);
    // The interior: bounded by `inside`, leaving to the last part, every stencil read a plain one.
    ((VarInsnNode) interior.of(bound)).var = site.bounds().inside();
    ((JumpInsnNode) interior.of(site.exitJump())).label = after.header();
    for (Read r : site.reads()) {
      interior.code().remove(interior.of(r.haloLoad()));
      InsnList plain = new InsnList();
      plain.add(new VarInsnNode(Opcodes.ILOAD, site.bounds().chunkStarts().get(r.arraySlot())));
      plain.add(new InsnNode(Opcodes.ISUB));
      plain.add(new InsnNode(r.loadOpcode()));
      AbstractInsnNode call = interior.of(r.call());
      interior.code().insert(call, plain);
      interior.code().remove(call);
    }
    // The first part: bounded by `before`, leaving to the interior; the last part is the loop as it was.
    v.var = site.bounds().before();
    site.exitJump().label = interior.header();
    // Handlers inside the body: each copy's own, listed just after the original (still innermost first).
    for (TryCatchBlockNode c : inner) {
      int at = method.tryCatchBlocks.indexOf(c) + 1;
      method.tryCatchBlocks.add(at, after.of(c));
      method.tryCatchBlocks.add(at, interior.of(c));
    }
    InsnList both = new InsnList();
    both.add(interior.code());
    both.add(after.code());
    insns.insert(site.backEdge(), both);
    return null;
  }

  /** A copy of the loop from its header to its back edge, with its own labels. */
  private record Copy(InsnList code, Map<LabelNode, LabelNode> labels, Map<AbstractInsnNode, AbstractInsnNode> nodes,
      LabelNode header) {

    AbstractInsnNode of(AbstractInsnNode original) {
      return nodes.get(original);
    }

    TryCatchBlockNode of(TryCatchBlockNode c) {
      return new TryCatchBlockNode(labels.get(c.start), labels.get(c.end), labels.get(c.handler), c.type);
    }
  }

  private static Copy copy(MethodNode method, Site site) {
    // Labels outside the loop (a break's target, the exit) stay themselves; those inside are new.
    Map<LabelNode, LabelNode> labels = new HashMap<>();
    for (AbstractInsnNode x = method.instructions.getFirst(); x != null; x = x.getNext()) {
      if (x instanceof LabelNode l) {
        labels.put(l, l);
      }
    }
    for (AbstractInsnNode x = site.header(); ; x = x.getNext()) {
      if (x instanceof LabelNode l) {
        labels.put(l, new LabelNode());
      }
      if (x == site.backEdge()) {
        break;
      }
    }
    InsnList code = new InsnList();
    Map<AbstractInsnNode, AbstractInsnNode> nodes = new IdentityHashMap<>();
    for (AbstractInsnNode x = site.header(); ; x = x.getNext()) {
      AbstractInsnNode c = x.clone(labels);
      code.add(c);
      nodes.put(x, c);
      if (x == site.backEdge()) {
        break;
      }
    }
    return new Copy(code, labels, nodes, labels.get(site.header()));
  }

  private static AbstractInsnNode previousReal(AbstractInsnNode x) {
    AbstractInsnNode p = x.getPrevious();
    while (p != null && p.getOpcode() < 0) {
      p = p.getPrevious();
    }
    return p;
  }

  private static boolean within(InsnList insns, AbstractInsnNode x, int from, int to) {
    if (!insns.contains(x)) {
      return false;
    }
    int at = insns.indexOf(x);
    return at >= from && at <= to;
  }
}
