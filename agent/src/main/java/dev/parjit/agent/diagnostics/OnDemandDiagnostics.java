package dev.parjit.agent.diagnostics;

import dev.parjit.analysis.JitCallGraph;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.MethodPlan;
import dev.parjit.spi.DiagnosticsProvider;
import dev.parjit.transforms.InstrSupport;
import dev.parjit.transforms.JitSelection;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@code Parjit.distributedDiagnostics(Owner.class, "m")}: analyses the class's original bytes
 * (from its loader's resources, so nothing is loaded or rewritten) the way this process compiles
 * it, and renders every overload of {@code m}.
 */
public final class OnDemandDiagnostics implements DiagnosticsProvider {

  private final ExecutionMode mode;
  private final List<String> jitPatterns;
  private final boolean printsHere;
  private final int level;

  public OnDemandDiagnostics(ExecutionMode mode, List<String> jitPatterns, boolean printsHere, int level) {
    this.mode = mode;
    this.jitPatterns = List.copyOf(jitPatterns);
    this.printsHere = printsHere;
    this.level = level;
  }

  @Override
  public String diagnostics(Class<?> owner, String method) {
    ClassNode cls = new ClassNode(InstrSupport.ASM_API);
    String resource = owner.getName().replace('.', '/') + ".class";
    ClassLoader loader = owner.getClassLoader() != null ? owner.getClassLoader() : ClassLoader.getSystemClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("cannot read the bytes of " + owner.getName());
      }
      new ClassReader(in.readAllBytes()).accept(cls, 0);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the bytes of " + owner.getName() + ": " + e.getMessage(), e);
    }
    List<JitSelection.Selected> selected = new JitSelection(jitPatterns).select(cls);
    if (mode == ExecutionMode.SPAWN) {
      // What spawn mode compiles: arrays in fields of this as parameters (as ClassRewriter does).
      selected = dev.parjit.transforms.FieldArrayLifting.apply(cls, selected, new java.util.ArrayList<>());
    }
    if (selected.stream().noneMatch(s -> s.method().name.equals(method))) {
      throw new IllegalArgumentException("no @Jit method '" + method + "' in " + owner.getName());
    }
    JitCallGraph.Result result = JitCallGraph.analyze(cls, selected.stream()
        .map(s -> new JitCallGraph.Member(s.method(), s.distributed(), s.replicated())).toList(), mode, OnDemandDiagnostics::copyOf);
    StringBuilder out = new StringBuilder();
    for (JitSelection.Selected s : selected) {
      if (!s.method().name.equals(method)) {
        continue;
      }
      MethodPlan plan = result.plans().get(s.method());
      if (plan == null) {
        out.append("Distributed diagnostics for function ").append(owner.getSimpleName()).append('.').append(method)
            .append(": not compiled: ").append(result.failures().get(s.method())).append('\n');
      } else {
        out.append(DiagnosticsPrinter.render(plan, level));
      }
    }
    return out.toString();
  }

  @Override
  public boolean printsHere() {
    return printsHere;
  }

  private static MethodNode copyOf(MethodNode m) {
    MethodNode copy = new MethodNode(InstrSupport.ASM_API, m.access, m.name, m.desc, m.signature,
        m.exceptions.toArray(new String[0]));
    m.accept(copy);
    return copy;
  }
}
