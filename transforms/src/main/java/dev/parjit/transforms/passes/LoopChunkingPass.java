package dev.parjit.transforms.passes;

import dev.parjit.analysis.plan.ArrayAccess;
import dev.parjit.analysis.plan.ArrayReduction;
import dev.parjit.analysis.plan.BoundKind;
import dev.parjit.analysis.plan.CountedLoop;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.ScalarReduction;
import dev.parjit.transforms.FrameCallsRuntime;
import dev.parjit.transforms.RuntimeCalls;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
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
 * Runs a parallel loop on this rank's part of its iteration range and combines its reductions.
 * A loop over distributed (1D) arrays runs over the indices this rank owns of them, and its
 * accesses {@code a[i]} become {@code a[i - start]} (checked against the global length first where
 * the analysis could not prove them inside the array: {@link IndexChecks}); a loop without one runs
 * over this rank's block of the range:
 * <pre>
 *   i = lo;                      // the original initialisation, then:
 *   hi = bound; s = blockStart(lo, hi); e = blockEnd(lo, hi); i = alignUp(s, lo, step);
 *   r = reduceInit(r, op) ...    // the value held before the loop counts once (rank 0)
 *   arrayReduceInit(h, op) ...   // histograms: ranks other than 0 start from neutral elements
 * header:                        // try {
 *   if (i >= e) goto combine;    // the bound expression is no longer evaluated per iteration
 *   ...body...
 *   goto header                  // } catch (Throwable t) { loopFailed(t); goto combine; }
 * combine:                       // a new block on the exit edge
 *   combineScalar(r, op) ...; combineArray(h, op) ...;
 *   combineLoop();               // one collective: the reductions and the failure agreement; throws
 *                                // on every rank if any rank's iterations threw (arrays combined first)
 *   r = combinedX(0) ...; goto exit
 *                                // (a loop without reductions: agreeLoop(); counting down: the
 *                                // agreement, then one allreduce per reduction)
 * </pre>
 * Every rank reaches {@code combine}, so the collectives match even where a rank's block is empty
 * or its iterations threw: without the handler, a rank that fails would leave the others waiting in
 * the reductions. The handler comes after handlers inside the loop (the body's own try/catch still
 * sees its exceptions first) and before handlers around it (which then see the agreed failure, on
 * every rank alike).
 */
public final class LoopChunkingPass {

  /** Name shown in pass logs. */
  public static final String NAME = "LoopChunking";

  private LoopChunkingPass() { }

  /** Rewrites one loop; returns {@code null} when applied, else why it declined. */
  public static String apply(MethodNode method, LoopPlan loop, java.util.List<AbstractInsnNode> globalLengths) {
    return apply(method, loop, globalLengths, java.util.List.of());
  }

  /**
   * As above; {@code frameCalls} are the frame calls the plan redirects to their distributed
   * versions: a bound such as {@code df.numRows()} copied into the preheader must be redirected too.
   */
  public static String apply(MethodNode method, LoopPlan loop, java.util.List<AbstractInsnNode> globalLengths,
      java.util.List<? extends AbstractInsnNode> frameCalls) {
    return apply(method, loop, globalLengths, frameCalls, site -> { });
  }

  /**
   * As above; a stencil loop is handed to {@code peel} as a {@link StencilPeelingPass.Site}, to be
   * split after the method's other passes.
   */
  public static String apply(MethodNode method, LoopPlan loop, java.util.List<AbstractInsnNode> globalLengths,
      java.util.List<? extends AbstractInsnNode> frameCalls, java.util.function.Consumer<StencilPeelingPass.Site> peel) {
    if (!loop.parallel()) {
      return "the loop is sequential: " + loop.reason();
    }
    boolean aligned = !loop.alignedArraySlots().isEmpty();
    if (aligned && !loop.shape().indexType().equals("I")) {
      return "a loop over distributed arrays needs an int index";
    }
    CountedLoop shape = loop.shape();
    // Checked before any change: the method is then kept whole, never half rewritten.
    AbstractInsnNode backEdge = backEdge(shape);
    if (backEdge == null || method.instructions.indexOf(backEdge) < method.instructions.indexOf(shape.header())) {
      throw new IllegalStateException("the loop's back edge does not follow its header"); // javac always lays it out so
    }
    int handlerIndex = handlerIndex(method, shape.header(), backEdge);
    // Iterations that cannot throw need no failure agreement: one collective less per loop.
    boolean agree = !loop.arrayReductions().isEmpty() || !loop.sharedBlocks().isEmpty()
        || LoopThrows.mayThrow(method, shape.header(), backEdge);
    String t = shape.indexType();
    boolean isLong = t.equals("J");
    Type type = isLong ? Type.LONG_TYPE : Type.INT_TYPE;
    int lo = newLocal(method, type);
    int end = newLocal(method, type);
    int start = newLocal(method, type);

    InsnList pre = new InsnList();
    pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), shape.indexSlot()));
    pre.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), lo));
    // end = the bound, as an exclusive limit
    java.util.Set<AbstractInsnNode> global = DistributedArraysPass.identitySet(globalLengths);
    java.util.Set<AbstractInsnNode> redirected = DistributedArraysPass.identitySet(frameCalls);
    for (AbstractInsnNode b : shape.boundInsns()) {
      // a.length of a distributed array, df.numRows() of a distributed frame: global sizes
      if (global.contains(b)) {
        pre.add(RuntimeCalls.globalLength());
      } else {
        pre.add(redirected.contains(b) ? FrameCallsRuntime.distributedVersion((MethodInsnNode) b) : b.clone(null));
      }
    }
    if (shape.boundInsns().isEmpty()) {
      pre.add(new InsnNode(Opcodes.ICONST_0)); // an int index compared with zero
    }
    if (shape.indexOffset() != 0) {
      // i + c < n runs as i < n - c: the condition below compares the index alone. Saturated: n - c
      // past the int range (i + 1 < Integer.MIN_VALUE, i - 1 < Integer.MAX_VALUE) must not wrap into
      // a range the sequential loop never runs, or out of one it runs until an access fails.
      pre.add(new InsnNode(Opcodes.DUP));
      pre.add(new LdcInsnNode(shape.indexOffset()));
      pre.add(new InsnNode(Opcodes.ISUB));
      pre.add(mathMinOrMax(shape.indexOffset() > 0 ? "min" : "max", "I"));
    }
    TryCatchBlockNode alignmentHandler = null; // see the aligned range below
    int firstRow = -1; // an aligned loop's first index on this rank (start is then the first owned element)
    // A loop counting down takes its range (and checks its arrays) in its own helper.
    boolean descending = shape.kind().isDescending();
    if (descending) {
      pre.add(DescendingRange.preheader(loop, lo, end, start, newLocal(method, Type.getType("[I"))));
    }
    if (shape.kind() == BoundKind.LE) {
      // i <= n runs as i < n + 1, saturated: i <= Integer.MAX_VALUE runs until an access fails (or
      // forever), where a wrapped n + 1 would run no iteration.
      pre.add(new InsnNode(isLong ? Opcodes.DUP2 : Opcodes.DUP));
      pre.add(isLong ? new InsnNode(Opcodes.LCONST_1) : new InsnNode(Opcodes.ICONST_1));
      pre.add(new InsnNode(isLong ? Opcodes.LADD : Opcodes.IADD));
      pre.add(mathMinOrMax("max", isLong ? "J" : "I"));
    }
    if (!descending) {
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), end));
    }
    // The global range keys the per-invocation memo of invariant exchanges (every rank holds it alike).
    int globalEnd = -1;
    if (!descending && !isLong && HaloExchangePass.memoizes(loop)) {
      globalEnd = newLocal(method, type);
      pre.add(new VarInsnNode(Opcodes.ILOAD, end));
      pre.add(new VarInsnNode(Opcodes.ISTORE, globalEnd));
    }
    if (descending) {
      // the range is set
    } else if (aligned) {
      // The rank's range is what it owns of the first array; the others must be split alike.
      // The array the range comes from: the first one that is not null at run time.
      int first = newLocal(method, Type.getType(Object.class));
      pre.add(RuntimeCalls.anchorOf(loop.alignedArraySlots()));
      pre.add(new VarInsnNode(Opcodes.ASTORE, first));
      // A placement that is not the block formula (a Parquet read's, a filter's) can match the block
      // one on some ranks and not on others: a rank that finds its arrays split otherwise fails the
      // loop like a failing iteration, so every rank throws its failure at the combine rather than
      // some waiting there for ranks that threw here.
      LabelNode checksFrom = new LabelNode();
      LabelNode checksTo = new LabelNode();
      boolean checked = agree && loop.alignedArraySlots().size() > 1;
      pre.add(checksFrom);
      // Every array against the first non-null one (a null array has no split to compare).
      for (int other : loop.alignedArraySlots().size() > 1 ? loop.alignedArraySlots() : java.util.List.<Integer>of()) {
        pre.add(new VarInsnNode(Opcodes.ALOAD, first));
        pre.add(new VarInsnNode(Opcodes.ALOAD, other));
        pre.add(RuntimeCalls.checkAligned());
      }
      pre.add(checksTo);
      if (checked) {
        LabelNode handler = new LabelNode();
        LabelNode after = new LabelNode();
        pre.add(new JumpInsnNode(Opcodes.GOTO, after));
        pre.add(handler);
        pre.add(RuntimeCalls.loopFailed());
        pre.add(after);
        alignmentHandler = new TryCatchBlockNode(checksFrom, checksTo, handler, "java/lang/Throwable");
      }
      if (loop.rowWidth() != null) {
        // Rows a[k * i + c]: the range is the rows this rank owns; accesses shift by its first element.
        firstRow = newLocal(method, Type.INT_TYPE);
        pre.add(RowRange.preheader(first, loop.rowWidth(), lo, end, start, firstRow));
      } else {
        pre.add(new VarInsnNode(Opcodes.ALOAD, first));
        pre.add(RuntimeCalls.owned("ownedStart"));
        pre.add(new VarInsnNode(Opcodes.ISTORE, start));
        // The rank's owned indices; the first and last ranks also run the iterations outside the
        // array, so that they fail as the sequential run does rather than run nowhere.
        firstRow = newLocal(method, Type.INT_TYPE);
        pre.add(new VarInsnNode(Opcodes.ALOAD, first));
        pre.add(new VarInsnNode(Opcodes.ILOAD, lo));
        pre.add(new VarInsnNode(Opcodes.ILOAD, end));
        pre.add(RuntimeCalls.alignedRange("alignedFrom"));
        pre.add(new VarInsnNode(Opcodes.ISTORE, firstRow));
        pre.add(new VarInsnNode(Opcodes.ALOAD, first));
        pre.add(new VarInsnNode(Opcodes.ILOAD, lo));
        pre.add(new VarInsnNode(Opcodes.ILOAD, end));
        pre.add(RuntimeCalls.alignedRange("alignedTo"));
        pre.add(new VarInsnNode(Opcodes.ISTORE, end));
      }
    } else if (loop.arrayReductions().stream().anyMatch(r -> !r.mayAlias().isEmpty())
        || loop.sharedBlocks().stream().anyMatch(dev.parjit.analysis.plan.SharedBlock::checksAliases)) {
      // An array reduction read under another name (axpy(a, r, r)) runs whole on rank 0: checked here.
      // So does a loop writing a shared block that it reads at another index under another name.
      int whole = newLocal(method, Type.INT_TYPE);
      pre.add(new InsnNode(Opcodes.ICONST_0));
      for (ArrayReduction r : loop.arrayReductions()) {
        for (int other : r.mayAlias()) {
          pre.add(new VarInsnNode(Opcodes.ALOAD, r.slot()));
          pre.add(new VarInsnNode(Opcodes.ALOAD, other));
          pre.add(RuntimeCalls.same());
          pre.add(new InsnNode(Opcodes.IOR));
        }
      }
      for (dev.parjit.analysis.plan.SharedBlock b : loop.sharedBlocks()) {
        for (int other : b.aliasSlots()) {
          pre.add(new VarInsnNode(Opcodes.ALOAD, b.holderSlot()));
          pre.add(new VarInsnNode(Opcodes.ALOAD, other));
          pre.add(RuntimeCalls.same());
          pre.add(new InsnNode(Opcodes.IOR));
        }
        for (dev.parjit.analysis.plan.SharedBlock.FieldRead field : b.aliasFields()) {
          pre.add(new VarInsnNode(Opcodes.ALOAD, b.holderSlot()));
          if (!field.isStatic()) {
            pre.add(new VarInsnNode(Opcodes.ALOAD, 0));
          }
          pre.add(new org.objectweb.asm.tree.FieldInsnNode(field.isStatic() ? Opcodes.GETSTATIC : Opcodes.GETFIELD,
              field.owner(), field.name(), field.desc()));
          pre.add(RuntimeCalls.same());
          pre.add(new InsnNode(Opcodes.IOR));
        }
      }
      pre.add(new VarInsnNode(Opcodes.ISTORE, whole));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), lo));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), end));
      pre.add(new VarInsnNode(Opcodes.ILOAD, whole));
      pre.add(RuntimeCalls.blockUnless("blockStartUnless", t));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), start));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), lo));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), end));
      pre.add(new VarInsnNode(Opcodes.ILOAD, whole));
      pre.add(RuntimeCalls.blockUnless("blockEndUnless", t));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), end));
    } else {
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), lo));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), end));
      pre.add(RuntimeCalls.block("blockStart", t));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), start));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), lo));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), end));
      pre.add(RuntimeCalls.block("blockEnd", t));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), end));
    }
    if (!descending) {
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), firstRow >= 0 ? firstRow : start));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), lo));
      pre.add(isLong ? new LdcInsnNode(shape.step()) : new LdcInsnNode((int) shape.step()));
      pre.add(RuntimeCalls.alignUp(t));
      pre.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), shape.indexSlot()));
    }
    // Rows of replicated arrays written at the index: this rank's part of the range, shared after the loop.
    int partFrom = -1;
    boolean sharesBlocks = !loop.sharedBlocks().isEmpty();
    if (!loop.sharedRows().isEmpty() || sharesBlocks) {
      if (descending || isLong) {
        throw new IllegalStateException("loop #" + loop.id() + " shares rows but counts down or has a long index");
      }
      partFrom = newLocal(method, Type.INT_TYPE);
      pre.add(new VarInsnNode(Opcodes.ILOAD, shape.indexSlot()));
      pre.add(new VarInsnNode(Opcodes.ISTORE, partFrom));
    }
    if (loop.haloReads().stream().anyMatch(h -> !h.isFixedRow()) && (descending || loop.rowWidth() != null)) {
      // The analysis keeps such loops sequential (the exchange fetches around an ascending range of
      // elements; a fixed row does not depend on the range); a plan with one is a bug, and the
      // method's original code must run.
      throw new IllegalStateException("loop #" + loop.id() + " reads through halos but counts down or runs over rows");
    }
    java.util.Map<Integer, Integer> halos = HaloExchangePass.exchange(method, loop, pre, shape.indexSlot(), end, lo,
        globalEnd);
    // Where the stencil reads cannot leave the rank's chunks: the loop is split there after the other passes.
    StencilPeelingPass.Bounds interior = halos.isEmpty() ? null : StencilPeelingPass.bounds(method, loop, pre, halos, end);
    eachReduction(loop, pre, "reduceInit");
    for (ArrayReduction r : loop.arrayReductions()) {
      pre.add(new VarInsnNode(Opcodes.ALOAD, r.slot()));
      pre.add(RuntimeCalls.opCode(r.op()));
      pre.add(RuntimeCalls.arrayReduction("arrayReduceInit", r.elementType()));
    }
    java.util.List<Integer> passedFlags = GuardedExtremaCode.init(method, loop, pre);
    if (!isLong) {
      pre.add(SeriesReads.preheader(loop, shape.indexSlot(), end, descending));
    }
    if (agree && prints(method, shape.header(), backEdge)) {
      // A rank past a failing rank would print iterations the sequential run never reaches: its
      // lines wait for the agreement, which keeps them only when the sequential run gets there.
      pre.add(RuntimeCalls.holdLoopOutput());
    }
    // Accesses the analysis could not prove inside their arrays check the global index first.
    java.util.Map<Integer, Integer> checkedLengths = IndexChecks.lengths(method, loop, pre);
    method.instructions.insert(shape.initStore(), pre);

    // a[i] on a distributed array becomes a[i - start]: the global index minus the rank's start.
    java.util.Map<Integer, Integer> heldValues = new java.util.HashMap<>();
    for (ArrayAccess access : loop.accesses()) {
      InsnList shift = new InsnList();
      shift.add(new VarInsnNode(Opcodes.ILOAD, start));
      shift.add(new InsnNode(Opcodes.ISUB));
      method.instructions.insert(access.indexProducer(), shift);
      if (!access.inRange()) {
        IndexChecks.check(method, access, start, checkedLengths, heldValues);
      }
      RowIndexNames.keepName(method, access); // a null row's message names g[i], as the sequential run's does
    }

    // u[i + c]: through the neighbours' copies
    java.util.List<StencilPeelingPass.Read> stencilReads = HaloExchangePass.redirect(method, loop, halos,
        interior == null ? java.util.Set.of() : interior.chunkStarts().keySet());

    // s.getDouble(i) on a distributed series reads this rank's row i - start.
    SeriesReads.rewrite(method, loop, start, aligned && loop.rowWidth() == null, shape.header(), backEdge);

    // The condition compares the index with the rank's exclusive end.
    for (AbstractInsnNode b : shape.offsetInsns()) {
      method.instructions.remove(b);
    }
    for (AbstractInsnNode b : shape.boundInsns()) {
      method.instructions.insertBefore(b, placeholderFor(b, end, type, shape.boundInsns().get(0)));
      method.instructions.remove(b);
    }
    JumpInsnNode exitJump = shape.exitJump();
    if (shape.boundInsns().isEmpty()) {
      method.instructions.insertBefore(exitJump, new VarInsnNode(Opcodes.ILOAD, end)); // was a compare with zero
    }
    exitJump.setOpcode(isLong ? Opcodes.IFGE : descending ? Opcodes.IF_ICMPLT : Opcodes.IF_ICMPGE);
    LabelNode iterationsEnd = new LabelNode();
    method.instructions.insert(backEdge, iterationsEnd);

    // A new block on the exit edge combines the reductions, then continues at the old exit.
    LabelNode combine = new LabelNode();
    exitJump.label = combine;
    InsnList post = new InsnList();
    post.add(combine);
    if (sharesBlocks) {
      // Replicated arrays written at the index: shared even after a failure, up to the failing rank
      // (its copy gives the values from before the loop after its part), then the agreed failure.
      combineUpToFailure(method, loop, post, partFrom, end);
    } else if (!descending && (!loop.reductions().isEmpty() || !loop.arrayReductions().isEmpty())) {
      // One rule: a loop counting up combines all its reductions and agrees on its failure in one
      // collective (PackedReductions); arrays are combined up to the failing rank, as the sequential
      // run leaves them when it throws.
      post.add(PackedCombine.code(loop));
    } else if (loop.arrayReductions().isEmpty()) {
      if (agree) {
        post.add(descending ? DescendingRange.agreement() : RuntimeCalls.agreeLoop());
      }
      eachReduction(loop, post, "allreduce");
    } else {
      // Array reductions write the caller's arrays: combined even after a failure, up to the failing
      // rank, so they hold what the sequential run leaves when it throws.
      combineUpToFailure(method, loop, post, -1, -1);
    }
    GuardedExtremaCode.combine(method, loop, passedFlags, post);
    for (dev.parjit.analysis.plan.SharedRow r : loop.sharedRows()) {
      // After the agreement: a loop that failed anywhere has thrown on every rank by now.
      post.add(new VarInsnNode(Opcodes.ALOAD, r.holderSlot()));
      post.add(new org.objectweb.asm.tree.TypeInsnNode(Opcodes.CHECKCAST, "[Ljava/lang/Object;"));
      post.add(new LdcInsnNode(r.row()));
      post.add(new VarInsnNode(Opcodes.ILOAD, partFrom));
      post.add(new VarInsnNode(Opcodes.ILOAD, end));
      post.add(RuntimeCalls.shareRowBlocks());
    }
    post.add(new JumpInsnNode(Opcodes.GOTO, shape.exit()));
    if (agree) {
      // The iterations' handler: record the failure, then meet the other ranks at combine.
      LabelNode handler = new LabelNode();
      post.add(handler);
      post.add(RuntimeCalls.loopFailed());
      post.add(new JumpInsnNode(Opcodes.GOTO, combine));
      method.tryCatchBlocks.add(handlerIndex, new TryCatchBlockNode(shape.header(), iterationsEnd, handler,
          "java/lang/Throwable"));
    }
    method.instructions.add(post);
    if (alignmentHandler != null) {
      // First in the table: its range is the preheader's checks alone, inside every other range.
      method.tryCatchBlocks.add(0, alignmentHandler);
    }
    if (interior != null) {
      peel.accept(new StencilPeelingPass.Site(loop.id(), shape.header(), backEdge, exitJump, end, interior, stencilReads,
          java.util.Set.copyOf(interior.chunkStarts().keySet())));
    }
    return null;
  }

  /**
   * The combine after a loop whose writes reach the caller's arrays: the ranks agree on the first
   * failing one without throwing, combine the array reductions and share the loop's replicated blocks
   * ({@code [partFrom, end)} of each, unused when there are none) up to it, then rethrow its failure,
   * so every array holds what the sequential run leaves when it throws.
   */
  private static void combineUpToFailure(MethodNode method, LoopPlan loop, InsnList post, int partFrom, int end) {
    int failed = newLocal(method, Type.INT_TYPE);
    post.add(RuntimeCalls.loopFailedRank());
    post.add(new VarInsnNode(Opcodes.ISTORE, failed));
    for (ArrayReduction r : loop.arrayReductions()) {
      post.add(new VarInsnNode(Opcodes.ALOAD, r.slot()));
      post.add(RuntimeCalls.opCode(r.op()));
      post.add(new VarInsnNode(Opcodes.ILOAD, failed));
      post.add(RuntimeCalls.arrayAllreduceAfter(r.elementType()));
    }
    for (dev.parjit.analysis.plan.SharedBlock b : loop.sharedBlocks()) {
      post.add(new VarInsnNode(Opcodes.ALOAD, b.holderSlot()));
      post.add(new VarInsnNode(Opcodes.ILOAD, partFrom));
      post.add(new VarInsnNode(Opcodes.ILOAD, end));
      post.add(new VarInsnNode(Opcodes.ILOAD, failed));
      post.add(RuntimeCalls.shareBlocksAfter());
    }
    post.add(new VarInsnNode(Opcodes.ILOAD, failed));
    post.add(RuntimeCalls.rethrowLoopFailure());
    eachReduction(loop, post, "allreduce");
  }

  /** Each scalar reduction through {@code ParallelRuntime.<call>(value, op)}, stored back in its local. */
  private static void eachReduction(LoopPlan loop, InsnList into, String call) {
    for (ScalarReduction r : loop.reductions()) {
      Type rt = Type.getType(r.type());
      into.add(new VarInsnNode(rt.getOpcode(Opcodes.ILOAD), r.slot()));
      into.add(RuntimeCalls.opCode(r.op()));
      into.add(RuntimeCalls.reduction(call, r.type()));
      into.add(new VarInsnNode(rt.getOpcode(Opcodes.ISTORE), r.slot()));
    }
  }

  /** The {@code goto header} that closes the loop, just after the index increment. */
  private static AbstractInsnNode backEdge(CountedLoop shape) {
    AbstractInsnNode x = shape.increment().getNext();
    while (x != null && x.getOpcode() < 0) {
      x = x.getNext();
    }
    return x instanceof JumpInsnNode j && j.getOpcode() == Opcodes.GOTO && j.label == shape.header() ? x : null;
  }

  /**
   * Where the iterations' handler goes in the exception table: after every handler whose range lies
   * inside the loop ({@code header} to {@code backEdge}) and before the others. The JVM takes the
   * first matching entry, so inner handlers keep precedence and enclosing ones only ever see the
   * failure the ranks agreed on.
   */
  private static int handlerIndex(MethodNode method, LabelNode header, AbstractInsnNode backEdge) {
    InsnList insns = method.instructions;
    int from = insns.indexOf(header);
    int to = insns.indexOf(backEdge);
    int at = 0;
    for (int k = 0; k < method.tryCatchBlocks.size(); k++) {
      TryCatchBlockNode c = method.tryCatchBlocks.get(k);
      if (insns.indexOf(c.start) >= from && insns.indexOf(c.end) <= to) {
        at = k + 1;
      }
    }
    for (int k = 0; k < at; k++) {
      TryCatchBlockNode c = method.tryCatchBlocks.get(k);
      boolean inside = insns.indexOf(c.start) >= from && insns.indexOf(c.end) <= to;
      if (!inside && insns.indexOf(c.start) <= to && insns.indexOf(c.end) > from) {
        // An enclosing handler listed before an inner one: no position serves both.
        throw new IllegalStateException("the loop's exception handlers are not listed innermost first");
      }
    }
    return at;
  }

  /** The first bound instruction becomes the load of {@code end}; the others vanish. */
  private static InsnList placeholderFor(AbstractInsnNode b, int end, Type type, AbstractInsnNode first) {
    InsnList l = new InsnList();
    if (b == first) {
      l.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), end));
    }
    return l;
  }

  private static int newLocal(MethodNode method, Type type) {
    int slot = method.maxLocals;
    method.maxLocals += type.getSize();
    return slot;
  }

  /** Whether the loop's body writes to a {@code PrintStream} itself ({@code System.out.println}). */
  private static boolean prints(MethodNode method, AbstractInsnNode header, AbstractInsnNode backEdge) {
    for (AbstractInsnNode x = header; x != null && x != backEdge.getNext(); x = x.getNext()) {
      if (x instanceof org.objectweb.asm.tree.MethodInsnNode m && m.owner.equals("java/io/PrintStream")) {
        return true;
      }
    }
    return false;
  }

  /** {@code Math.min} or {@code Math.max} of two {@code int}s ({@code "I"}) or {@code long}s ({@code "J"}). */
  private static MethodInsnNode mathMinOrMax(String name, String t) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/Math", name, "(" + t + t + ")" + t, false);
  }

}
