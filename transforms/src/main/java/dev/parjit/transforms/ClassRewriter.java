package dev.parjit.transforms;

import dev.parjit.analysis.DistributedRequests;
import dev.parjit.analysis.JitCallGraph;
import dev.parjit.analysis.diagnostics.ParallelismWarning;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.LoopPlan;
import dev.parjit.analysis.effects.MethodEffects;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.transforms.passes.CallEntryPass;
import dev.parjit.transforms.passes.DispatchStubPass;
import dev.parjit.transforms.passes.DistributedArraysPass;
import dev.parjit.transforms.passes.FrameFailuresPass;
import dev.parjit.transforms.passes.LoopChunkingPass;
import dev.parjit.transforms.passes.StencilPeelingPass;
import dev.parjit.transforms.passes.SpecializedCallsPass;
import java.util.HashSet;
import java.util.Set;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites one class for its {@link Role}: bytes in, bytes out, no class loading (the shape of
 * JaCoCo's {@code Instrumenter}). Never throws for a method it cannot handle: the method keeps
 * its code and the reason is reported in {@link RewriteResult#failures()}.
 *
 * <p>Pipeline, in this fixed order: select {@code @Jit} methods; in spawn mode (driver and workers)
 * {@link FieldArrayLifting} turns arrays in fields of {@code this} into parameters of a twin; per role, the method passes
 * (driver: {@link DispatchStubPass}; worker and SPMD: {@link JitCallGraph} over the class's {@code @Jit} methods, then
 * {@link LoopChunkingPass} per parallel loop, then {@link FrameFailuresPass}, then {@link DistributedArraysPass}, then on workers
 * {@link SpecializedCallsPass}, then {@link StencilPeelingPass} on the stencil loops, in SPMD {@link CallEntryPass}; an SPMD method whose
 * {@code distributed} parameters cannot be honoured ({@link DistributedRequests}) instead fails every
 * call); write with frames computed from class bytes; verify last.
 * {@link SpecializationCompiler} runs the same passes on one method for another argument key.
 * When verification fails, the whole class keeps its original bytes.
 */
public final class ClassRewriter {

  private ClassRewriter() { }

  public static RewriteResult rewrite(byte[] original, RewriteRequest request) {
    ClassReader reader = new ClassReader(original);
    ClassNode cls = new ClassNode(InstrSupport.ASM_API);
    reader.accept(cls, 0);
    List<String> log = new ArrayList<>();
    List<MethodFailure> failures = new ArrayList<>();
    List<DispatchStub> stubs = new ArrayList<>();
    List<MethodPlan> plans = new ArrayList<>();
    List<MethodPlacement> placements = new ArrayList<>();
    List<JitSelection.Selected> selected = new JitSelection(request.jitPatterns()).select(cls);
    if (selected.isEmpty()) {
      return new RewriteResult(null, List.of(), log, failures, plans, placements);
    }
    boolean changed = false;
    if (request.role() != Role.SPMD) {
      // Spawn mode: arrays in fields of this become parameters (scattered, written back, aliasing checked).
      int before = cls.methods.size();
      selected = FieldArrayLifting.apply(cls, selected, log);
      changed = cls.methods.size() != before;
    }
    ClassNode pristine = new ClassNode(InstrSupport.ASM_API);
    if (request.role() == Role.DRIVER) {
      cls.accept(pristine);
    }
    ExecutionMode mode = request.role() == Role.SPMD ? ExecutionMode.SPMD : ExecutionMode.SPAWN;
    // Driver and workers run the same call-graph analysis on the same bytes, so they agree on
    // which arguments travel in chunks.
    JitCallGraph.Result analysis = JitCallGraph.analyze(cls, selected.stream()
        .map(s -> new JitCallGraph.Member(request.role() == Role.DRIVER ? copyOf(s.method()) : s.method(), s.distributed(),
            s.replicated()))
        .toList(), mode, ClassRewriter::copyOf);
    for (int k = 0; k < selected.size(); k++) {
      JitSelection.Selected s = selected.get(k);
      MethodNode tree = memberTree(analysis, selected, k, request.role());
      String method = s.method().name + s.method().desc;
      MethodPlan memberPlan = tree == null ? null : analysis.plans().get(tree);
      String strictFailure = request.strict() && memberPlan != null ? ParallelismWarning.of(memberPlan) : null;
      if (strictFailure != null && request.role() != Role.DRIVER) {
        // Strict mode: the first call fails with the warning instead of running sequentially.
        s.method().instructions.insert(RuntimeCalls.failCompilation(strictFailure));
        log.add("Strict " + method + ": no parallelism, the method fails at its first call");
        plans.add(memberPlan);
        changed = true;
        continue;
      }
      if (request.role() == Role.DRIVER && s.spawn()) {
        if (memberPlan != null) {
          plans.add(memberPlan);
        }
        String display = simpleName(cls.name) + "." + s.method().name;
        // Effects are read from the original trees: stubs already replaced other members' bodies.
        MethodNode pristineMethod = pristine.methods.stream()
            .filter(m -> m.name.equals(s.method().name) && m.desc.equals(s.method().desc)).findFirst().orElseThrow();
        String stays = DriverPlacement.reason(pristine, pristineMethod, memberPlan,
            tree == null ? null : analysis.failures().get(tree), request.classBytes());
        if (stays != null) {
          String warning = memberPlan != null && memberPlan.isDistributed()
              ? DriverPlacement.WARNING_PREFIX + display + " has parallel loops but runs on the driver: " + stays : null;
          placements.add(new MethodPlacement(display, "driver (" + stays + ")", warning));
          log.add(DriverPlacement.LOG_PREFIX + display + ": driver (" + stays + ")");
          if (warning != null) {
            log.add(warning);
          }
          if (request.strict()) {
            // Strict: a method Parjit would not run in parallel fails its first call instead.
            s.method().instructions.insert(RuntimeCalls.failCompilation(strictFailure != null ? strictFailure
                : "ParjitWarning: " + display + " runs on the driver: " + stays));
            changed = true;
          }
          continue;
        }
        MethodEffects effects = DriverPlacement.effects(pristine, pristineMethod, request.classBytes());
        boolean[] scattered = scatteredParameters(s.method(), memberPlan);
        String declined = DispatchStubPass.apply(cls.name, s.method(), cls);
        if (declined == null) {
          log.add(DispatchStubPass.NAME + " " + method + ": applied");
          placements.add(new MethodPlacement(display, "workers", null));
          log.add(DriverPlacement.LOG_PREFIX + display + ": workers");
          boolean[] written = new boolean[scattered.length];
          effects.writtenParams().forEach(p -> written[p] = true);
          stubs.add(new DispatchStub(InstrSupport.methodKey(cls.name, s.method().name, s.method().desc),
              scattered, false, written, effects.returnedParam(), effects.staticReads(), effects.fieldReads()));
          changed = true;
        } else {
          log.add(DispatchStubPass.NAME + " " + method + ": declined: " + declined);
          failures.add(new MethodFailure(cls.name, method, declined));
        }
      } else if (request.role() != Role.DRIVER) {
        changed |= rewriteInPlace(cls, s, analysis, log, failures, plans, request.role(), specializedMembers(selected,
            request.role()));
      }
    }
    if (!changed) {
      return new RewriteResult(null, stubs, log, failures, plans, placements);
    }
    byte[] rewritten;
    try {
      ClassHierarchy writer = new ClassHierarchy(reader, request.classBytes());
      cls.accept(writer);
      rewritten = writer.toByteArray();
    } catch (RuntimeException e) {
      failures.add(new MethodFailure(cls.name, "*", "could not write the class: " + e));
      return new RewriteResult(null, List.of(), log, failures, plans, placements);
    }
    String problem = Verification.verify(rewritten);
    if (problem != null) {
      failures.add(new MethodFailure(cls.name, "*", "rewritten class does not verify: " + problem));
      return new RewriteResult(null, List.of(), log, failures, plans, placements);
    }
    if (request.dumpDir() != null) {
      try {
        BytecodeDump.write(request.dumpDir(), cls.name, "original", original);
        BytecodeDump.write(request.dumpDir(), cls.name, "rewritten", rewritten);
      } catch (IOException e) {
        log.add("dump failed: " + e.getMessage());
      }
    }
    return new RewriteResult(rewritten, stubs, log, failures, plans, placements);
  }

  /**
   * Which parameters the workers' code expects in chunks: the same analysis the workers run (spawn
   * mode, same bytes), so both sides agree. When it fails every argument travels whole, which the
   * workers' unchanged method then also expects.
   */
  private static boolean[] scatteredParameters(MethodNode method, MethodPlan plan) {
    boolean[] scattered = new boolean[Type.getArgumentTypes(method.desc).length];
    for (int k = 0; plan != null && k < scattered.length; k++) {
      scattered[k] = plan.paramDistributions().get(k).isDistributed();
    }
    return scattered;
  }

  /**
   * Workers: the {@code @Jit} methods the driver calls, whose calls from each other link to the
   * callee's specialization ({@link SpecializedCallsPass}); {@code null} for other roles.
   */
  static Set<String> specializedMembers(List<JitSelection.Selected> selected, Role role) {
    if (role != Role.WORKER) {
      return null;
    }
    Set<String> out = new HashSet<>();
    for (JitSelection.Selected s : selected) {
      if (s.spawn() && (s.method().access & Opcodes.ACC_STATIC) != 0) {
        out.add(s.method().name + s.method().desc);
      }
    }
    return out;
  }

  private static String simpleName(String internalName) {
    return internalName.substring(internalName.lastIndexOf('/') + 1);
  }

  /** The tree the call graph analysed for member {@code k} (a copy on the driver). */
  private static MethodNode memberTree(JitCallGraph.Result analysis, List<JitSelection.Selected> selected, int k,
      Role role) {
    if (role != Role.DRIVER) {
      return selected.get(k).method();
    }
    List<MethodNode> trees = new ArrayList<>(analysis.plans().keySet());
    trees.addAll(analysis.failures().keySet());
    MethodNode original = selected.get(k).method();
    for (MethodNode t : trees) {
      if (t.name.equals(original.name) && t.desc.equals(original.desc)) {
        return t;
      }
    }
    return null;
  }

  /**
   * Worker and SPMD roles: analyse the method and chunk its parallel loops. A method whose
   * analysis or rewriting fails is restored to its original instructions and reported.
   */
  private static boolean rewriteInPlace(ClassNode cls, JitSelection.Selected selected, JitCallGraph.Result analysis,
      List<String> log, List<MethodFailure> failures, List<MethodPlan> plans, Role role, Set<String> members) {
    MethodNode method = selected.method();
    String name = method.name + method.desc;
    MethodNode backup = copyOf(method);
    try {
      MethodPlan plan = analysis.plans().get(method);
      if (plan == null) {
        throw new IllegalStateException(analysis.failures().get(method));
      }
      plans.add(plan);
      String unhonoured = role == Role.SPMD ? DistributedRequests.unhonoured(plan, selected.distributed()) : null;
      if (unhonoured != null) {
        // A compilation error: every call fails on every rank rather than compute with chunks taken as wholes.
        method.instructions.insert(RuntimeCalls.compilationError(cls.name, name, unhonoured));
        log.add("Error " + name + ": " + unhonoured);
        return true;
      }
      boolean changed = applyPasses(method, plan, name, log, members);
      if (role == Role.SPMD && changed) {
        CallEntryPass.apply(cls.name, method);
        log.add(CallEntryPass.NAME + " " + name + ": applied");
      }
      if (role == Role.WORKER && selected.spawn()) {
        MethodNode twin = lazyEntry(cls, backup, analysis.contexts().get(method), log, members);
        if (twin != null) {
          cls.methods.add(twin);
        }
      }
      return changed;
    } catch (RuntimeException e) {
      restore(method, backup);
      failures.add(new MethodFailure(cls.name, name, "analysis or rewriting failed: " + e.getMessage()));
      return false;
    }
  }

  /** The method passes, in order, on one analysed method; throws when a pass cannot complete. */
  static boolean applyPasses(MethodNode method, MethodPlan plan, String name, List<String> log, Set<String> members) {
    boolean changed = false;
    List<StencilPeelingPass.Site> stencils = new ArrayList<>();
    for (LoopPlan loop : plan.loops()) {
      if (!loop.parallel()) {
        log.add(LoopChunkingPass.NAME + " " + name + " loop #" + loop.id() + ": declined: " + loop.reason());
        continue;
      }
      String declined = LoopChunkingPass.apply(method, loop, plan.globalLengths(), plan.distributedFrameCalls(),
          stencils::add);
      log.add(LoopChunkingPass.NAME + " " + name + " loop #" + loop.id()
          + (declined == null ? ": applied" : ": declined: " + declined));
      changed |= declined == null;
    }
    if (FrameFailuresPass.applies(plan)) {
      FrameFailuresPass.apply(method, plan);
      log.add(FrameFailuresPass.NAME + " " + name + ": applied");
      changed = true;
    }
    if (DistributedArraysPass.applies(plan)) {
      String problem = DistributedArraysPass.apply(method, plan);
      if (problem != null) {
        // Loops were already chunked for these arrays: keep the original method instead.
        throw new IllegalStateException(problem);
      }
      log.add(DistributedArraysPass.NAME + " " + name + ": applied");
      changed = true;
    }
    if (members != null) {
      int linked = SpecializedCallsPass.apply(method, plan, members);
      if (linked > 0) {
        log.add(SpecializedCallsPass.NAME + " " + name + ": " + linked + " call(s) linked by specialization key");
        changed = true;
      }
    }
    // Last: it copies loop bodies, which the passes above edit by instruction identity.
    log.addAll(StencilPeelingPass.apply(method, name, stencils));
    return changed;
  }

  /** Suffix of the spawn-mode entry point that returns distributed frames as lazy results. */
  public static final String LAZY_SUFFIX = "$parjitLazy";

  /**
   * Spawn mode: a method returning a distributed frame gets a twin, {@code name$parjitLazy}, that
   * returns its chunk as it is — the worker keeps it as a lazy result for the driver — while the
   * method itself still gathers it for callers on the worker, which expect the whole frame.
   */
  static MethodNode lazyEntry(ClassNode cls, MethodNode original, dev.parjit.analysis.AnalysisContext context,
      List<String> log, Set<String> members) {
    String returned = Type.getReturnType(original.desc).getDescriptor();
    if (context == null || !returned.equals("Ldev/parjit/frame/DataFrame;")) {
      return null;
    }
    MethodNode twin = copyOf(original);
    twin.name = original.name + LAZY_SUFFIX;
    twin.access = (twin.access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) | Opcodes.ACC_PRIVATE
        | Opcodes.ACC_SYNTHETIC;
    twin.invisibleAnnotations = null;
    twin.visibleAnnotations = null;
    try {
      MethodPlan plan = dev.parjit.analysis.MethodAnalyzer.analyze(cls, twin, ExecutionMode.SPAWN,
          context.withLazyFrameReturns());
      if (!plan.returnDistribution().isDistributed()) {
        return null; // nothing to keep on the workers
      }
      applyPasses(twin, plan, twin.name + twin.desc, log, members);
      log.add("LazyEntry " + original.name + original.desc + ": added " + twin.name);
      return twin;
    } catch (dev.parjit.analysis.AnalysisException | RuntimeException e) {
      log.add("LazyEntry " + original.name + original.desc + ": declined: " + e.getMessage());
      return null;
    }
  }


  static MethodNode copyOf(MethodNode m) {
    MethodNode copy = new MethodNode(InstrSupport.ASM_API, m.access, m.name, m.desc, m.signature,
        m.exceptions.toArray(new String[0]));
    m.accept(copy);
    return copy;
  }

  private static void restore(MethodNode target, MethodNode backup) {
    target.instructions = backup.instructions;
    target.tryCatchBlocks = backup.tryCatchBlocks;
    target.localVariables = backup.localVariables;
    target.maxLocals = backup.maxLocals;
    target.maxStack = backup.maxStack;
  }
}
