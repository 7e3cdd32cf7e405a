package dev.parjit.analysis.lattice;

import dev.parjit.analysis.plan.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * DESIGN §4's distribution lattice as an ASM {@link Interpreter}: run by ASM's
 * {@link org.objectweb.asm.tree.analysis.Analyzer}, it gives every local and stack value of every
 * instruction its distribution, with the meet ({@link Distribution#meet}) at control-flow merges,
 * iterated by the analyzer to a fixed point over the method's blocks.
 *
 * <p>Types come from ASM's {@link BasicInterpreter}; distributions from the <em>roots</em> this
 * interpreter is given: the parameters and array allocations the caller decided are distributed,
 * and calls whose {@link CallModel} produces distributed data from nothing (frame sources such as
 * {@code DataFrame.readParquet}). Roots in {@code demoted} are REP: the outer fixed point in
 * {@link DistributionAnalysis} demotes an origin when one of its values escapes.
 */
public final class DistributionInterpreter extends Interpreter<DistValue> {

  private final BasicInterpreter types = new BasicInterpreter();
  private final Map<Integer, Distribution> parameters;
  private final Map<AbstractInsnNode, Distribution> allocations;
  private final CallModel calls;
  private final Set<Object> demoted;

  /**
   * @param parameters  local slot of a distributed parameter to its distribution
   * @param allocations distributed array allocations ({@code NEWARRAY}/{@code ANEWARRAY}/{@code MULTIANEWARRAY}) to theirs
   * @param calls       the model of invoked methods
   * @param demoted     roots forced to REP
   */
  public DistributionInterpreter(Map<Integer, Distribution> parameters, Map<AbstractInsnNode, Distribution> allocations,
      CallModel calls, Set<Object> demoted) {
    super(Opcodes.ASM9);
    this.parameters = parameters;
    this.allocations = allocations;
    this.calls = calls;
    this.demoted = demoted;
  }

  private DistValue root(BasicValue type, Distribution d, Object root) {
    if (type == null) {
      return null;
    }
    if (demoted.contains(root)) {
      return DistValue.rooted(type, Distribution.REP, root); // kept, so REP values can name their origin
    }
    return d == null || !d.isDistributed() ? DistValue.rep(type) : DistValue.rooted(type, d, root);
  }

  private static DistValue rep(BasicValue type) {
    return type == null ? null : DistValue.rep(type);
  }

  @Override
  public DistValue newValue(Type type) {
    return rep(types.newValue(type));
  }

  @Override
  public DistValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
    Distribution d = parameters.get(local);
    return root(types.newParameterValue(isInstanceMethod, local, type), d, new DistValue.Parameter(local));
  }

  @Override
  public DistValue newReturnTypeValue(Type type) {
    return rep(types.newReturnTypeValue(type));
  }

  @Override
  public DistValue newEmptyValue(int local) {
    return rep(types.newEmptyValue(local));
  }

  @Override
  public DistValue newExceptionValue(org.objectweb.asm.tree.TryCatchBlockNode tryCatchBlockNode,
      org.objectweb.asm.tree.analysis.Frame<DistValue> handlerFrame, Type exceptionType) {
    return rep(types.newExceptionValue(tryCatchBlockNode, null, exceptionType));
  }

  @Override
  public DistValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
    return rep(types.newOperation(insn));
  }

  @Override
  public DistValue copyOperation(AbstractInsnNode insn, DistValue value) throws AnalyzerException {
    return value.with(types.copyOperation(insn, value.basic()), value.distribution());
  }

  @Override
  public DistValue unaryOperation(AbstractInsnNode insn, DistValue value) throws AnalyzerException {
    BasicValue type = types.unaryOperation(insn, value.basic());
    switch (insn.getOpcode()) {
      case Opcodes.NEWARRAY, Opcodes.ANEWARRAY -> {
        return root(type, allocations.get(insn), insn);
      }
      case Opcodes.CHECKCAST -> {
        return value.with(type, value.distribution()); // a cast does not move data
      }
      default -> {
        return rep(type); // lengths, conversions, field reads: scalars or unknown objects
      }
    }
  }

  @Override
  public DistValue binaryOperation(AbstractInsnNode insn, DistValue value1, DistValue value2) throws AnalyzerException {
    return rep(types.binaryOperation(insn, value1.basic(), value2.basic())); // an element or a scalar
  }

  @Override
  public DistValue ternaryOperation(AbstractInsnNode insn, DistValue value1, DistValue value2, DistValue value3)
      throws AnalyzerException {
    return null; // array stores push nothing
  }

  @Override
  public DistValue naryOperation(AbstractInsnNode insn, List<? extends DistValue> values) throws AnalyzerException {
    List<BasicValue> basics = new ArrayList<>(values.size());
    values.forEach(v -> basics.add(v.basic()));
    BasicValue type = types.naryOperation(insn, basics);
    if (insn.getOpcode() == Opcodes.MULTIANEWARRAY) {
      return root(type, allocations.get(insn), insn); // new double[n][m]: distributed by rows when decided so
    }
    if (type == null || !(insn instanceof MethodInsnNode call)) {
      return rep(type);
    }
    List<DistValue> args = List.copyOf(values);
    Distribution d = calls.result(call, args);
    if (d == null) {
      return rep(type);
    }
    if (!d.isDistributed()) {
      // A REP result names its demoted origins (for "derived from" reasons); a REP result of
      // distributed data that is not demoted (a reduction) has none: its value is legitimately REP.
      DistValue fromDemoted = null;
      for (DistValue v : args) {
        if (!v.roots().isEmpty() && !v.isDistributed() && demoted.containsAll(v.roots())) {
          fromDemoted = fromDemoted == null ? v.with(type, d) : fromDemoted.meet(v, type).with(type, d);
        }
      }
      return fromDemoted != null && isReference(type) ? fromDemoted : rep(type);
    }
    DistValue derived = null;
    for (DistValue v : args) {
      if (v.isDistributed()) {
        derived = derived == null ? v.with(type, d) : derived.meet(v, type).with(type, d);
      }
    }
    // Distributed data from no distributed input is a source (readParquet): the call is the root.
    return derived != null ? derived : root(type, d, insn);
  }

  private static boolean isReference(BasicValue type) {
    return type == BasicValue.REFERENCE_VALUE;
  }

  @Override
  public void returnOperation(AbstractInsnNode insn, DistValue value, DistValue expected) {
    // Returns are judged by the caller of the analysis (spawn: stay distributed; SPMD: REP).
  }

  @Override
  public DistValue merge(DistValue value1, DistValue value2) {
    BasicValue type = types.merge(value1.basic(), value2.basic());
    DistValue merged = value1.meet(value2, type);
    return merged.equals(value1) ? value1 : merged;
  }
}
