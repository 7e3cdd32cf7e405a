package dev.parjit.analysis;

import static dev.parjit.analysis.AlignedAccesses.seesCandidate;

import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.lattice.DistributionAnalysis;
import dev.parjit.analysis.plan.ArrayReduction;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.RepDecision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Last pass: the {@link MethodPlan} the rewriter follows. From the decisions and the lattice it
 * lists the 1D allocations, lengths and returns to translate, the parameters' and data variables'
 * distributions, and a reason for every REP decision (loops, demoted origins, arrays, then
 * {@link RepExplanations}); the call sites come from {@link CallSitesPass}.
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
    // A copy: array reductions are reworded below, the fixpoint's decisions stay as it made them.
    Map<Integer, RepDecision> arrayReps = new java.util.LinkedHashMap<>(s.arrayReps);
    boolean distributedReturn = s.distributed.contains("return");
    DistributionAnalysis lattice = s.lattice;
    MethodNode method = f.method();
    List<LoopPlan> plans = s.loopPlans;
    List<RepDecision> reps = new ArrayList<>(s.loopReps);
    Map<AbstractInsnNode, dev.parjit.analysis.plan.RowWidth> rowAllocations = s.rowAllocations;
    List<AbstractInsnNode> allocations = new ArrayList<>();
    List<AbstractInsnNode> lengths = new ArrayList<>();
    List<AbstractInsnNode> returns = new ArrayList<>();
    List<AbstractInsnNode> elementReads = new ArrayList<>();
    Map<AbstractInsnNode, org.objectweb.asm.tree.MethodInsnNode> rowPlaced = new java.util.LinkedHashMap<>();
    for (int slot : oneD) {
      if (candidates.containsKey(slot)) {
        allocations.add(candidates.get(slot));
        org.objectweb.asm.tree.MethodInsnNode sizeRead = RowPlacement.sizeRead(f, candidates.get(slot));
        if (sizeRead != null) {
          rowPlaced.put(candidates.get(slot), sizeRead);
        }
      }
      for (AbstractInsnNode x : method.instructions) {
        if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == slot && seesCandidate(f, v, null)) {
          AbstractInsnNode use = f.consumers().of(x).iterator().next();
          if (use.getOpcode() == Opcodes.ARRAYLENGTH) {
            lengths.add(use);
          } else if (AlignedAccesses.enclosingParallelLoop(f, use, s.decisions) == null
              && AlignedAccesses.isElementRead(f, use, s.decisions)) {
            elementReads.add(use);
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
    for (AbstractInsnNode x : s.frameReturns) {
      if (!returns.contains(x)) {
        returns.add(x); // a distributed frame returned where the caller needs it whole
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
        allocations, lengths, reps, returns, s.frameCalls, s.printed, DataVariables.definitionLines(method, variables),
        DataVariables.temporaries(method, lattice), s.callKeys, rowAllocations, elementReads, rowPlaced,
        rowParameters(f, s.rowParameters));
  }

  /** The parameters split by rows on entry, each with whether the method may write it. */
  private static List<dev.parjit.analysis.plan.RowParameter> rowParameters(MethodFacts f,
      Map<Integer, dev.parjit.analysis.plan.RowWidth> widths) {
    List<dev.parjit.analysis.plan.RowParameter> out = new ArrayList<>();
    widths.forEach((slot, width) -> {
      boolean written = false;
      for (AbstractInsnNode x : f.method().instructions) {
        if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == slot) {
          for (AbstractInsnNode use : f.consumers().of(x)) {
            int op = use.getOpcode();
            written |= (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) || op == Opcodes.DUP2
                || use instanceof org.objectweb.asm.tree.MethodInsnNode;
          }
        }
      }
      out.add(new dev.parjit.analysis.plan.RowParameter(slot, width, written));
    });
    return List.copyOf(out);
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
