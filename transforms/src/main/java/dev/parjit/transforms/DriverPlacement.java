package dev.parjit.transforms;

import dev.parjit.analysis.effects.EffectsAnalyzer;
import dev.parjit.analysis.effects.MethodEffects;
import dev.parjit.analysis.plan.MethodPlan;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Spawn mode's one rule for where a {@code @Jit} method runs. It runs on the workers only when it
 * has parallel work and every effect it has on memory the caller can observe is one the driver
 * reproduces (writes into array arguments, a returned argument, statics it reads); otherwise it
 * keeps its original code and runs on the driver, in the caller's thread, exactly as without the
 * agent. The reason is logged ({@link #LOG_PREFIX}) and fails the method under {@code strict}.
 */
public final class DriverPlacement {

  /**
   * Prefix of the pass-log line that says where a method runs. Readers take the placement from
   * {@link RewriteResult#placements()}, never from this line.
   */
  public static final String LOG_PREFIX = "Placement ";

  /**
   * Prefix of the warning that a method with parallel work stays on the driver
   * ({@link MethodPlacement#warning()}); the agent prints it once, like the no-parallelism warning.
   */
  public static final String WARNING_PREFIX = "ParjitWarning: ";

  private DriverPlacement() { }

  /**
   * Why {@code method} stays on the driver, or {@code null} when it runs on the workers.
   *
   * @param plan            its spawn-mode analysis, or {@code null} when that failed
   * @param analysisFailure why the analysis failed (when {@code plan} is {@code null})
   */
  public static String reason(ClassNode cls, MethodNode method, MethodPlan plan, String analysisFailure,
      Function<String, byte[]> classBytes) {
    if ((method.access & Opcodes.ACC_STATIC) == 0 && (takesFrames(method) || (cls.access & Opcodes.ACC_INTERFACE) != 0)) {
      return "instance methods of interfaces or taking frames run on the driver";
    }
    if (method.name.startsWith("<")) {
      return "constructors and initialisers run where they are called";
    }
    if (plan == null) {
      return "its analysis failed: " + analysisFailure;
    }
    if (!plan.isDistributed() || !hasParallelWork(cls, method, plan)) {
      return "nothing in it runs in parallel" + plan.loops().stream().filter(l -> !l.parallel()).findFirst()
          .map(l -> " (loop #" + l.id() + ": " + l.reason() + ")").orElse("");
    }
    MethodEffects effects = effects(cls, method, classBytes);
    return effects.allModelled() ? null : effects.firstReason();
  }

  /**
   * Whether running on the workers could gain anything: a parallel loop, a distributed frame
   * operation, or a call to another member of the class (a {@code @Jit} callee whose loops run in
   * parallel there). A method with none of them (a getter over a field array, {@code a[0]}) only
   * reads data split over ranks element by element: on the driver it runs as written, with no
   * round trip and no shipped arrays.
   */
  private static boolean hasParallelWork(ClassNode cls, MethodNode method, MethodPlan plan) {
    if (plan.hasParallelism() || !plan.distributedFrameCalls().isEmpty() || !plan.callKeys().isEmpty()) {
      return true;
    }
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof MethodInsnNode call && call.owner.equals(cls.name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean takesFrames(MethodNode method) {
    for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(method.desc)) {
      if (t.getDescriptor().startsWith("Ldev/parjit/frame/")) {
        return true;
      }
    }
    return false;
  }

  /** The effects the driver reproduces for a method that runs on the workers. */
  public static MethodEffects effects(ClassNode cls, MethodNode method, Function<String, byte[]> classBytes) {
    return EffectsAnalyzer.analyze(cls, method, classBytes);
  }
}
