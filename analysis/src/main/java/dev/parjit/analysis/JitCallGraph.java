package dev.parjit.analysis;

import dev.parjit.analysis.lattice.CallModel;
import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.MethodPlan;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The fixed point over the {@code @Jit} call graph of one class: a {@code @Jit} method may pass a
 * distributed array to another {@code @Jit} method of the class only where the callee, analysed
 * with that parameter distributed, keeps it distributed. Start optimistic (every array parameter
 * a caller passes accepts chunks), analyse every method, withdraw what a callee made REP, and
 * repeat until nothing changes: acceptance only shrinks, so this ends.
 *
 * <p>Calls between classes are not followed: another class's {@code @Jit} method is analysed
 * when its class loads, without knowing its callers, so an array passed to it is REP in the caller
 * (in spawn mode the callee still takes its block on entry, so the result is the same).
 */
public final class JitCallGraph {

  /** One {@code @Jit} method of the class and its {@code distributed} and {@code replicated} names. */
  public record Member(MethodNode method, Set<String> distributed, Set<String> replicated) {

    public Member(MethodNode method, Set<String> distributed) {
      this(method, distributed, Set.of());
    }
  }

  /**
   * Per method: its plan, or the reason its analysis failed; and the context it was analysed in,
   * so a variant of the method (the lazy entry point of spawn mode) can be analysed alike.
   */
  public record Result(Map<MethodNode, MethodPlan> plans, Map<MethodNode, String> failures, int rounds,
      Map<MethodNode, AnalysisContext> contexts) { }

  private JitCallGraph() { }

  /**
   * Analyses every member. The method trees passed in are analysed in place in the last round
   * (plans point into them); earlier rounds work on copies.
   */
  public static Result analyze(ClassNode owner, List<Member> members, ExecutionMode mode,
      Function<MethodNode, MethodNode> copier) {
    Map<String, Member> byKey = new LinkedHashMap<>();
    members.forEach(m -> byKey.put(m.method().name + m.method().desc, m));
    Map<String, BitSet> accepts = new HashMap<>();
    Map<String, Set<Integer>> calledWithArrays = calledWithArrays(owner, byKey);
    for (Member m : members) {
      BitSet b = new BitSet();
      calledWithArrays.getOrDefault(key(m.method()), Set.of()).forEach(b::set);
      accepts.put(key(m.method()), b);
    }
    Map<String, Distribution> returns = new HashMap<>();
    int rounds = 0;
    while (true) {
      rounds++;
      boolean changed = false;
      Map<String, BitSet> before = copy(accepts);
      for (Member m : members) {
        MethodPlan plan = analyzeOne(owner, copier.apply(m.method()), m, mode, accepts, returns);
        String k = key(m.method());
        BitSet b = accepts.get(k);
        for (int p = b.nextSetBit(0); p >= 0; p = b.nextSetBit(p + 1)) {
          if (plan == null || !plan.paramDistributions().get(p).isDistributed()) {
            b.clear(p);
          }
        }
        Distribution r = plan == null ? Distribution.REP : plan.returnDistribution();
        changed |= returns.put(k, r) != r;
      }
      if (!changed && before.equals(accepts)) {
        break;
      }
    }
    Map<MethodNode, MethodPlan> plans = new LinkedHashMap<>();
    Map<MethodNode, String> failures = new LinkedHashMap<>();
    Map<MethodNode, AnalysisContext> contexts = new LinkedHashMap<>();
    for (Member m : members) {
      try {
        contexts.put(m.method(), context(owner, m, accepts, returns));
        plans.put(m.method(), MethodAnalyzer.analyze(owner, m.method(), mode, contexts.get(m.method())));
      } catch (AnalysisException | RuntimeException e) {
        failures.put(m.method(), e.getMessage());
      }
    }
    return new Result(plans, failures, rounds, contexts);
  }

  private static MethodPlan analyzeOne(ClassNode owner, MethodNode copy, Member m, ExecutionMode mode,
      Map<String, BitSet> accepts, Map<String, Distribution> returns) {
    try {
      return MethodAnalyzer.analyze(owner, copy, mode, context(owner, m, accepts, returns));
    } catch (AnalysisException | RuntimeException e) {
      return null;
    }
  }

  private static AnalysisContext context(ClassNode owner, Member m, Map<String, BitSet> accepts,
      Map<String, Distribution> returns) {
    Set<Integer> params = new HashSet<>();
    BitSet b = accepts.get(key(m.method()));
    b.stream().forEach(params::add);
    return new AnalysisContext(m.distributed(), model(owner, accepts, returns), params).withReplicated(m.replicated());
  }

  /** What a call to a member accepts and returns, as the analysis of the caller sees it. */
  private static CallModel model(ClassNode owner, Map<String, BitSet> accepts, Map<String, Distribution> returns) {
    Map<String, BitSet> acceptsNow = copy(accepts);
    Map<String, Distribution> returnsNow = new HashMap<>(returns);
    return new CallModel() {
      @Override
      public Distribution result(MethodInsnNode call, List<DistValue> args) {
        if (call.getOpcode() != Opcodes.INVOKESTATIC) {
          return null;
        }
        BitSet b = acceptsNow.get(call.name + call.desc);
        if (b == null) {
          return null;
        }
        for (int p = 0; p < args.size(); p++) {
          DistValue v = args.get(p);
          if (v.isDistributed() && !b.get(p)) {
            return null;
          }
        }
        return returnsNow.getOrDefault(call.name + call.desc, Distribution.REP);
      }

      @Override
      public boolean isJitMember(MethodInsnNode call) {
        return call.owner.equals(owner.name) && acceptsNow.containsKey(call.name + call.desc);
      }
    };
  }

  /** Member key to the indexes of primitive-array parameters some member passes an array to. */
  private static Map<String, Set<Integer>> calledWithArrays(ClassNode owner, Map<String, Member> members) {
    Map<String, Set<Integer>> out = new HashMap<>();
    for (Member caller : members.values()) {
      for (AbstractInsnNode x : caller.method().instructions) {
        if (x instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals(owner.name)
            && members.containsKey(call.name + call.desc)) {
          Type[] args = Type.getArgumentTypes(call.desc);
          for (int p = 0; p < args.length; p++) {
            if (args[p].getSort() == Type.ARRAY && args[p].getDimensions() == 1
                && args[p].getElementType().getSort() <= Type.DOUBLE) {
              out.computeIfAbsent(call.name + call.desc, k -> new HashSet<>()).add(p);
            }
          }
        }
      }
    }
    return out;
  }

  private static String key(MethodNode m) {
    return m.name + m.desc;
  }

  private static Map<String, BitSet> copy(Map<String, BitSet> in) {
    Map<String, BitSet> out = new HashMap<>();
    in.forEach((k, v) -> out.put(k, (BitSet) v.clone()));
    return out;
  }
}
