package dev.parjit.transforms;

import dev.parjit.analysis.AnalysisContext;
import dev.parjit.analysis.AnalysisException;
import dev.parjit.analysis.JitCallGraph;
import dev.parjit.analysis.MethodAnalyzer;
import dev.parjit.analysis.diagnostics.ParallelismWarning;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.analysis.plan.SpecializationKey;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Compiles one spawn-mode {@code @Jit} method for one {@link SpecializationKey}: the method is
 * analysed with its parameters seeded as the key says (in the context the class's call graph gives
 * it), rewritten by the same passes as {@link ClassRewriter}, and placed, with its lazy entry
 * point when it returns a frame, in a class of its own meant to be defined as a <em>hidden
 * nestmate</em> of the method's class, so it keeps access to the class's private members.
 *
 * <p>Bytes to bytes like {@link ClassRewriter}: nothing is loaded or defined here.
 */
public final class SpecializationCompiler {

  /** Suffix of the specialization class's name (the JVM appends its own suffix to hidden classes). */
  public static final String CLASS_SUFFIX = "$ParjitSpecialization";

  /**
   * A compiled specialization.
   *
   * @param bytes       the class holding the method (and {@code name$parjitLazy}), public static
   * @param className   its internal name, in the package of the method's class
   * @param description the key with parameter names, {@code (x: 1D_Block, df: 1D_Var)}
   * @param plan        the analysis result the code was made from
   * @param passLog     one line per pass, as {@link RewriteResult#passLog()}
   */
  public record Compiled(byte[] bytes, String className, String description, MethodPlan plan, List<String> passLog) { }

  private SpecializationCompiler() { }

  /**
   * Compiles {@code name + desc} of the class {@code original} for {@code key}.
   *
   * @throws AnalysisException when the method is not a spawn-mode {@code @Jit} static method of the
   *         class, or cannot be analysed or rewritten for this key
   */
  public static Compiled compile(byte[] original, RewriteRequest request, String name, String desc,
      SpecializationKey key) throws AnalysisException {
    ClassNode cls = new ClassNode(InstrSupport.ASM_API);
    new ClassReader(original).accept(cls, 0);
    List<JitSelection.Selected> selected = new JitSelection(request.jitPatterns()).select(cls);
    List<JitCallGraph.Member> members = new ArrayList<>();
    JitCallGraph.Member target = null;
    MethodNode source = null;
    for (JitSelection.Selected s : selected) {
      JitCallGraph.Member m = new JitCallGraph.Member(ClassRewriter.copyOf(s.method()), s.distributed(),
          s.replicated());
      members.add(m);
      if (s.method().name.equals(name) && s.method().desc.equals(desc) && s.spawn()
          && (s.method().access & Opcodes.ACC_STATIC) != 0) {
        target = m;
        source = s.method();
      }
    }
    if (target == null) {
      throw new AnalysisException(cls.name.replace('/', '.') + "." + name + desc
          + " is not a spawn-mode @Jit static method of its class");
    }
    if (key.code().length() != Type.getArgumentTypes(desc).length) {
      throw new AnalysisException("key " + key + " does not fit " + name + desc);
    }
    // The call graph gives the method its context (what the class's other @Jit methods accept).
    JitCallGraph.Result graph = JitCallGraph.analyze(cls, members, ExecutionMode.SPAWN, ClassRewriter::copyOf);
    AnalysisContext context = graph.contexts().get(target.method());
    if (context == null) {
      throw new AnalysisException(String.valueOf(graph.failures().get(target.method())));
    }
    context = context.withParamSeeds(key.seeds());
    List<String> log = new ArrayList<>();
    MethodNode body = ClassRewriter.copyOf(source);
    MethodPlan plan = MethodAnalyzer.analyze(cls, body, ExecutionMode.SPAWN, context);
    String strictFailure = request.strict() ? ParallelismWarning.of(plan) : null;
    if (strictFailure != null) {
      body.instructions.insert(RuntimeCalls.failCompilation(strictFailure));
    } else {
      ClassRewriter.applyPasses(body, plan, name + desc, log, ClassRewriter.specializedMembers(selected, Role.WORKER));
      gatherReplicatedArrays(body, plan, key);
    }
    List<MethodNode> methods = new ArrayList<>();
    methods.add(body);
    MethodNode twin = strictFailure != null ? null : ClassRewriter.lazyEntry(cls, source, context, log,
        ClassRewriter.specializedMembers(selected, Role.WORKER));
    if (twin != null) {
      gatherReplicatedArrays(twin, plan, key);
      methods.add(twin);
    }
    String hiddenName = cls.name + CLASS_SUFFIX;
    byte[] bytes = write(cls, hiddenName, methods, request);
    String problem = Verification.verify(bytes);
    if (problem != null) {
      throw new AnalysisException("the specialization does not verify: " + problem);
    }
    return new Compiled(bytes, hiddenName, key.describe(parameterNames(source)), plan, log);
  }

  /**
   * An array argument that arrives in chunks where this specialization reads it whole (its
   * analysis made it REP) is gathered on entry: the key says how it arrives, the plan what the
   * code needs.
   */
  private static void gatherReplicatedArrays(MethodNode method, MethodPlan plan, SpecializationKey key) {
    Type[] args = Type.getArgumentTypes(method.desc);
    InsnList entry = new InsnList();
    int slot = 0;
    for (int k = 0; k < args.length; k++) {
      char arrives = key.code().charAt(k);
      if (args[k].getSort() == Type.ARRAY && SpecializationKey.distributable(args[k])
          && (arrives == SpecializationKey.BLOCK || arrives == SpecializationKey.VAR)
          && !plan.paramDistributions().get(k).isDistributed()) {
        entry.add(new VarInsnNode(Opcodes.ALOAD, slot));
        entry.add(RuntimeCalls.wholeOf());
        entry.add(new TypeInsnNode(Opcodes.CHECKCAST, args[k].getDescriptor()));
        entry.add(new VarInsnNode(Opcodes.ASTORE, slot));
      }
      slot += args[k].getSize();
    }
    method.instructions.insert(entry);
  }

  private static byte[] write(ClassNode owner, String hiddenName, List<MethodNode> methods, RewriteRequest request) {
    ClassNode hidden = new ClassNode(InstrSupport.ASM_API);
    hidden.version = Math.max(owner.version & 0xFFFF, Opcodes.V1_8);
    hidden.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
    hidden.name = hiddenName;
    hidden.superName = "java/lang/Object";
    hidden.sourceFile = owner.sourceFile; // stack traces keep the user's file and lines
    for (MethodNode m : methods) {
      m.access = (m.access & ~(Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED)) | Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;
      // Not @Jit any more: nothing must select this copy again.
      m.visibleAnnotations = null;
      m.invisibleAnnotations = null;
      hidden.methods.add(m);
    }
    ClassHierarchy writer = new ClassHierarchy(request.classBytes());
    hidden.accept(writer);
    return writer.toByteArray();
  }

  private static List<String> parameterNames(MethodNode method) {
    Type[] args = Type.getArgumentTypes(method.desc);
    List<String> names = new ArrayList<>();
    int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    for (int k = 0; k < args.length; k++) {
      String name = null;
      if (method.parameters != null && k < method.parameters.size()) {
        name = method.parameters.get(k).name;
      }
      if (name == null && method.localVariables != null) {
        for (LocalVariableNode v : method.localVariables) {
          if (v.index == slot && method.instructions.indexOf(v.start) <= 1) {
            name = v.name;
            break;
          }
        }
      }
      names.add(name != null ? name : "arg" + k);
      slot += args[k].getSize();
    }
    return names;
  }

  /** The parameter names of {@code name + desc} in {@code classBytes}, for describing keys. */
  public static List<String> parameterNames(byte[] classBytes, String name, String desc) {
    ClassNode cls = new ClassNode(InstrSupport.ASM_API);
    new ClassReader(classBytes).accept(cls, ClassReader.SKIP_FRAMES);
    for (MethodNode m : cls.methods) {
      if (m.name.equals(name) && m.desc.equals(desc)) {
        return parameterNames(m);
      }
    }
    return List.of();
  }
}
