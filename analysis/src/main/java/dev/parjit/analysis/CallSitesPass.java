package dev.parjit.analysis;

import dev.parjit.analysis.frames.FrameCalls;
import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.SpecializationKey;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The call sites and returns the lattice decides: frame calls on distributed data (they run their
 * distributed versions), frames gathered before printing, each {@code @Jit} call's specialization
 * key, and distributed frames returned where the caller needs them whole. A distributed series read
 * by global index inside a parallel loop fails the method here: it is a collective (the owner
 * broadcasts), which ranks running different iterations cannot make.
 */
final class CallSitesPass implements AnalysisPass {

  @Override
  public String name() {
    return "call sites";
  }

  @Override
  public void run(AnalysisState s) throws AnalysisException {
    ClassNode owner = s.owner;
    MethodFacts f = s.facts;
    MethodNode method = s.method;
    DistributionAnalysis lattice = s.lattice;
    List<LoopPlan> plans = s.loopPlans;
    boolean distributedReturn = s.distributed.contains("return");
    Set<AbstractInsnNode> localReads = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<MethodInsnNode> replicatedWrites = new java.util.ArrayList<>();
    plans.forEach(lp -> localReads.addAll(lp.seriesAccesses()));
    for (AbstractInsnNode x : method.instructions) {
      if (localReads.contains(x)) {
        continue; // read locally by the parallel loop
      }
      if (x instanceof MethodInsnNode read && FrameReads.isElementRead(read) && lattice.anyArgumentDistributed(read)
          && insideParallelLoop(f, plans, x)) {
        // Reading a distributed series by global index is a collective (the owner broadcasts);
        // ranks running different iterations cannot do it.
        throw new AnalysisException("a distributed series is read at an index other than the loop's in parallel loop"
            + new LineTable().at(x), null);
      }
      if (x instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals(owner.name)) {
        SpecializationKey key = callKey(call, lattice);
        if (key != null) {
          s.callKeys.put(call, key);
        }
      }
      if (x instanceof MethodInsnNode call && FrameCalls.isFrameType(call.owner)) {
        boolean distributed = lattice.anyArgumentDistributed(call);
        if (FrameCalls.isSource(call) || FrameCalls.isArrayWrap(call)) {
          DistValue v = lattice.produced(call);
          distributed = v != null && v.isDistributed();
        }
        if (distributed) {
          s.frameCalls.add(call); // runs the distributed version
        } else if (FrameCalls.isFileWrite(call)) {
          replicatedWrites.add(call);
        }
      } else if (x instanceof MethodInsnNode call && FrameCalls.isPrintingCall(call) && lattice.topDistributed(call)) {
        s.printed.add(call); // gathers the frame first, so every rank prints the whole of it
      } else if (x.getOpcode() == Opcodes.AASTORE && lattice.topDistributed(x)) {
        // A distributed frame stored into an object array (DataFrame.concat's varargs) leaves what the
        // lattice follows: what reads it back takes it whole. A frame over the method's own arrays
        // cannot be demoted (the loops decided those arrays), so it is gathered before the store.
        s.printed.add(x);
      } else if (x.getOpcode() == Opcodes.ARETURN && !distributedReturn && !f.lazyFrameReturns()
          && lattice.frameAt(x) != null) {
        var frame = lattice.frameAt(x);
        if (frame.getStack(frame.getStackSize() - 1).isDistributed()) {
          s.frameReturns.add(x); // a distributed frame returned where the caller needs it whole
        }
      }
    }
    if (runsOnEveryRank(s, plans)) {
      // Every rank holds the whole replicated frame: its distributed version writes it once, on
      // rank 0, where the original call would have every rank clear and write the same files at
      // once (a rank reading them back could find them gone).
      s.frameCalls.addAll(replicatedWrites);
    }
  }

  /**
   * Whether the method's code runs on every rank: always in SPMD mode (even a method with nothing
   * parallel runs in place on each rank), and in spawn mode when it runs on the workers (what
   * {@code DriverPlacement} sends there: parallel loops, distributed frame calls, calls to other
   * {@code @Jit} methods with distributed data); otherwise it runs once, on the driver.
   */
  private static boolean runsOnEveryRank(AnalysisState s, List<LoopPlan> plans) {
    return s.mode == dev.parjit.analysis.plan.ExecutionMode.SPMD || !s.frameCalls.isEmpty() || !s.callKeys.isEmpty()
        || plans.stream().anyMatch(LoopPlan::parallel);
  }

  /**
   * How a call passes its arrays and frames: distributed values as they are (1D_Block, 1D_Var),
   * anything else whole (REP). {@code null} when no parameter is distributable data.
   */
  private static SpecializationKey callKey(MethodInsnNode call, DistributionAnalysis lattice) {
    Type[] args = Type.getArgumentTypes(call.desc);
    var frame = lattice.frameAt(call);
    if (frame == null) {
      return null; // unreachable code
    }
    StringBuilder code = new StringBuilder();
    boolean any = false;
    int base = frame.getStackSize() - args.length;
    for (int k = 0; k < args.length; k++) {
      if (!SpecializationKey.distributable(args[k])) {
        code.append(SpecializationKey.OTHER);
        continue;
      }
      any = true;
      Distribution d = frame.getStack(base + k).distribution();
      code.append(d == Distribution.ONE_D_BLOCK ? SpecializationKey.BLOCK
          : d == Distribution.ONE_D_VAR ? SpecializationKey.VAR : SpecializationKey.REP);
    }
    return any ? new SpecializationKey(code.toString()) : null;
  }

  private static boolean insideParallelLoop(MethodFacts f, List<LoopPlan> plans, AbstractInsnNode x) {
    int index = f.method().instructions.indexOf(x);
    for (int k = 0; k < plans.size(); k++) {
      if (plans.get(k).parallel() && f.loops().get(k).body().get(index)) {
        return true;
      }
    }
    return false;
  }

}
