package dev.parjit.analysis;

import static dev.parjit.analysis.AlignedAccesses.seesCandidate;

import dev.parjit.analysis.frames.FrameCalls;
import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.plan.ArrayReduction;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.RepDecision;
import dev.parjit.analysis.plan.SpecializationKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Last pass: the {@link MethodPlan} the rewriter follows. From the decisions and the lattice it
 * lists the 1D allocations, lengths and returns to translate, the parameters' and data variables'
 * distributions, the frame calls that run their distributed versions, the frames gathered for
 * printing, each {@code @Jit} call's specialization, and a reason for every REP decision
 * ({@link RepExplanations}). A distributed series read by global index inside a parallel loop fails
 * the method here: ranks running different iterations cannot make that collective call.
 */
final class MethodPlanPass implements AnalysisPass {

  @Override
  public String name() {
    return "method plan";
  }

  @Override
  public void run(AnalysisState s) throws AnalysisException {
    ClassNode owner = s.owner;
    MethodFacts f = s.facts;
    ExecutionMode mode = s.mode;
    Map<Integer, AbstractInsnNode> candidates = s.candidates;
    Set<Integer> oneD = s.oneD;
    Map<Integer, RepDecision> arrayReps = s.arrayReps;
    boolean distributedReturn = s.distributed.contains("return");
    DistributionAnalysis lattice = s.lattice;
    MethodNode method = f.method();
    List<LoopPlan> plans = s.loopPlans;
    List<RepDecision> reps = new ArrayList<>(s.loopReps);
    Map<AbstractInsnNode, Integer> rowAllocations = s.rowAllocations;
    List<AbstractInsnNode> allocations = new ArrayList<>();
    List<AbstractInsnNode> lengths = new ArrayList<>();
    List<AbstractInsnNode> returns = new ArrayList<>();
    for (int slot : oneD) {
      if (candidates.containsKey(slot)) {
        allocations.add(candidates.get(slot));
      }
      for (AbstractInsnNode x : method.instructions) {
        if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == slot && seesCandidate(f, v, null)) {
          AbstractInsnNode use = f.consumers().of(x).iterator().next();
          if (use.getOpcode() == Opcodes.ARRAYLENGTH) {
            lengths.add(use);
          } else if (use.getOpcode() == Opcodes.ARETURN && !distributedReturn) {
            returns.add(use);
          }
        }
      }
    }
    List<Distribution> params = new ArrayList<>(Collections.nCopies(Type.getArgumentTypes(method.desc).length,
        Distribution.REP));
    f.paramSlots().forEach((slot, index) -> params.set(index,
        oneD.contains(slot) ? Parameters.paramDistribution(f, slot, mode) : Distribution.REP));
    Map<String, Distribution> variables = DataVariables.of(method, lattice, f.paramSlots(), params);
    Distribution returned = DataVariables.returned(method, lattice);
    if (returned != null) {
      variables.put(DataVariables.RETURN, returned); // the value handed back, before any gathering
    }
    List<MethodInsnNode> frameCalls = new ArrayList<>();
    List<MethodInsnNode> printed = new ArrayList<>();
    Map<MethodInsnNode, SpecializationKey> callKeys = new LinkedHashMap<>();
    Set<AbstractInsnNode> localReads = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
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
          callKeys.put(call, key);
        }
      }
      if (x instanceof MethodInsnNode call && FrameCalls.isFrameType(call.owner)) {
        boolean distributed = lattice.anyArgumentDistributed(call);
        if (FrameCalls.isSource(call) || FrameCalls.isArrayWrap(call)) {
          DistValue v = lattice.produced(call);
          distributed = v != null && v.isDistributed();
        }
        if (distributed) {
          frameCalls.add(call); // runs the distributed version
        }
      } else if (x instanceof MethodInsnNode call && FrameCalls.isPrintingCall(call) && lattice.topDistributed(call)) {
        printed.add(call); // gathers the frame first, so every rank prints the whole of it
      } else if (x.getOpcode() == Opcodes.ARETURN && !distributedReturn && !f.lazyFrameReturns()
          && lattice.frameAt(x) != null) {
        var frame = lattice.frameAt(x);
        if (frame.getStack(frame.getStackSize() - 1).isDistributed() && !returns.contains(x)) {
          returns.add(x); // a distributed frame returned where the caller needs it whole
        }
      }
    }
    lattice.demoted().forEach((root, escape) -> {
      String subject = root instanceof DistValue.Parameter p ? VariableNames.at(method, p.slot(), method.instructions.getFirst())
          : DataVariables.nameOfValue(method, (AbstractInsnNode) root);
      reps.add(new RepDecision(subject, escape.reason(), LineTable.line(escape.where())));
    });
    for (LoopPlan lp : plans) {
      for (ArrayReduction r : lp.arrayReductions()) {
        RepDecision d = arrayReps.get(r.slot());
        if (d != null) {
          arrayReps.put(r.slot(), new RepDecision(d.subject(), Decline.of(DeclineRule.ARRAY_REDUCTION,
              r.op().name().toLowerCase(), lp.id()).text(), d.line()));
        }
      }
    }
    reps.addAll(arrayReps.values());
    RepExplanations.explainRemaining(f, mode, lattice, variables, reps);
    // Returned 1D data is gathered whole for the caller (REP) unless the return is named distributed.
    Distribution ret = (distributedReturn || f.lazyFrameReturns()) && lattice.returnsDistributed() ? Distribution.ONE_D_VAR
        : Distribution.REP;
    f.frameParams().forEach((slot, index) -> {
      DistValue v = lattice.local(method.instructions.getFirst(), slot);
      params.set(index, v != null && v.isDistributed() ? v.distribution() : Distribution.REP);
    });
    s.plan = new MethodPlan(owner.name, method, mode, owner.sourceFile, firstLine(method),
        params, ret, variables, plans,
        allocations, lengths, reps, returns, frameCalls, printed, DataVariables.definitionLines(method, variables),
        DataVariables.temporaries(method, lattice), callKeys, rowAllocations);
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

  static int firstLine(MethodNode method) {
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof LineNumberNode ln) {
        return ln.line;
      }
    }
    return -1;
  }
}
