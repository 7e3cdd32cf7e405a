package dev.parjit.agent.cache;

import dev.parjit.agent.diagnostics.DiagnosticsPrinter;
import dev.parjit.analysis.diagnostics.ParallelismWarning;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.transforms.DispatchStub;
import dev.parjit.transforms.InstrSupport;
import dev.parjit.transforms.MethodFailure;
import dev.parjit.transforms.MethodPlacement;
import dev.parjit.transforms.RewriteResult;
import dev.parjit.transforms.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent needs from rewriting one class, in a form that can be stored: the new bytes and
 * rendered text instead of ASM trees and plans, so a cache hit needs no analysis at all.
 *
 * @param bytes            the rewritten class, or {@code null} when it runs unchanged
 * @param stubs            driver: methods replaced by dispatch stubs, registered with {@code Dispatch}
 * @param workerSignatures worker: which parameters each rewritten method expects in chunks
 * @param failures         methods that keep their original code, one line each
 * @param passLog          one line per pass and method (logged at debug)
 * @param methods          per compiled method, its diagnostics text and no-parallelism warning
 * @param placements       driver: where each method runs (logged at info), with its warning
 */
public record CompiledClass(byte[] bytes, List<DispatchStub> stubs, List<DispatchStub> workerSignatures,
    List<String> failures, List<String> passLog, List<MethodReport> methods, List<MethodPlacement> placements) {

  /** Without placements (roles and runs that place nothing). */
  public CompiledClass(byte[] bytes, List<DispatchStub> stubs, List<DispatchStub> workerSignatures,
      List<String> failures, List<String> passLog, List<MethodReport> methods) {
    this(bytes, stubs, workerSignatures, failures, passLog, methods, List.of());
  }

  /**
   * One compiled method's printable output.
   *
   * @param id          {@code owner.name(desc)}: diagnostics print once per method and run
   * @param diagnostics the distributed diagnostics at level 1 ({@code diagnostics=true})
   * @param verbose     the same at level 2 (compiler temporaries too)
   * @param warning     the no-parallelism warning, or {@code null}
   */
  public record MethodReport(String id, String diagnostics, String verbose, String warning) {

    /** The diagnostics for {@code level} 1 or 2. */
    public String diagnostics(int level) {
      return level >= 2 ? verbose : diagnostics;
    }
  }

  public CompiledClass {
    stubs = List.copyOf(stubs);
    workerSignatures = List.copyOf(workerSignatures);
    failures = List.copyOf(failures);
    passLog = List.copyOf(passLog);
    methods = List.copyOf(methods);
    placements = List.copyOf(placements);
  }

  /**
   * Renders a rewrite result. Diagnostics are rendered for the roles that print them (driver and
   * SPMD) whether or not this run asks for them, so a later run that does can use the entry.
   */
  public static CompiledClass from(String className, Role role, RewriteResult result) {
    List<DispatchStub> signatures = new ArrayList<>();
    if (role == Role.WORKER && result.bytes() != null) {
      for (MethodPlan plan : result.plans()) {
        String method = plan.method().name + plan.method().desc;
        if (result.failures().stream().anyMatch(f -> f.method().equals(method))) {
          continue; // its original code runs: it expects whole arrays
        }
        boolean[] scattered = new boolean[plan.paramDistributions().size()];
        for (int k = 0; k < scattered.length; k++) {
          scattered[k] = plan.paramDistributions().get(k).isDistributed();
        }
        signatures.add(new DispatchStub(InstrSupport.methodKey(className, plan.method().name, plan.method().desc),
            scattered, false));
      }
    }
    List<MethodReport> reports = new ArrayList<>();
    if (role != Role.WORKER) {
      for (MethodPlan plan : result.plans()) {
        String placement = result.placementOf(plan.displayName());
        reports.add(new MethodReport(plan.owner() + "." + plan.method().name + plan.method().desc,
            render(plan, 1, placement), render(plan, 2, placement), ParallelismWarning.of(plan)));
      }
    }
    return new CompiledClass(result.bytes(), result.stubs(), signatures,
        result.failures().stream().map(MethodFailure::toString).toList(), result.passLog(), reports,
        result.placements());
  }

  /**
   * Rendered ahead of need here (uncached classes render only when asked), so a rendering problem
   * must not cost the compilation: the text then says what went wrong instead.
   */
  private static String render(MethodPlan plan, int level, String placement) {
    try {
      return DiagnosticsPrinter.render(plan, level, placement);
    } catch (RuntimeException e) {
      return "Distributed diagnostics for function " + plan.displayName() + ": could not be rendered: " + e + "\n";
    }
  }
}
