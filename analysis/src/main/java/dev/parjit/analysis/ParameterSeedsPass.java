package dev.parjit.analysis;

import dev.parjit.analysis.frames.FrameCalls;
import dev.parjit.analysis.plan.Distribution;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodNode;

/**
 * First pass: the seeds the caller fixes. {@code @Jit(replicated = ...)} seeds each named parameter
 * REP whatever arrives; a name that is no parameter, or is also named distributed, fails the method
 * with that name. Also fixes the call model: frame calls first, then the other {@code @Jit} methods.
 */
final class ParameterSeedsPass implements AnalysisPass {

  @Override
  public String name() {
    return "parameter seeds";
  }

  @Override
  public void run(AnalysisState s) throws AnalysisException {
    s.context = withReplicatedNames(s.method, s.context);
    s.calls = new FrameCalls().orElse(s.context.jitCalls());
  }

  private static AnalysisContext withReplicatedNames(MethodNode method, AnalysisContext context)
      throws AnalysisException {
    if (context.replicated().isEmpty()) {
      return context;
    }
    Map<Integer, Distribution> seeds = new LinkedHashMap<>(context.paramSeeds());
    Set<String> unknown = new TreeSet<>(context.replicated());
    unknown.remove(DataVariables.RETURN);
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    Type[] args = Type.getArgumentTypes(method.desc);
    for (int k = 0; k < args.length; k++) {
      String name = Parameters.name(method, k, slot);
      if (context.replicated().contains(name)) {
        seeds.put(k, Distribution.REP);
        unknown.remove(name);
      }
      slot += args[k].getSize();
    }
    if (!unknown.isEmpty()) {
      throw new AnalysisException("@Jit(replicated = ...) names " + unknown + ", which are not parameters of "
          + method.name + " (compile with -parameters or -g to use parameter names)");
    }
    for (String name : context.replicated()) {
      if (context.distributed().contains(name)) {
        throw new AnalysisException("'" + name + "' is named in both @Jit(distributed = ...) and @Jit(replicated = ...)");
      }
    }
    return context.withParamSeeds(seeds);
  }
}
