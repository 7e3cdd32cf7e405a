package dev.parjit.transforms;

import dev.parjit.transforms.passes.DispatchStubPass;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

/**
 * Rewrites one class for its {@link Role}: bytes in, bytes out, no class loading (the shape of
 * JaCoCo's {@code Instrumenter}). Never throws for a method it cannot handle: the method keeps
 * its code and the reason is reported in {@link RewriteResult#failures()}.
 *
 * <p>Pipeline, in this fixed order: select {@code @Jit} methods; per role, the method passes
 * (driver: {@link DispatchStubPass}); write with frames computed from class bytes; verify last.
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
    List<JitSelection.Selected> selected = new JitSelection(request.jitPatterns()).select(cls);
    if (selected.isEmpty()) {
      return new RewriteResult(null, List.of(), log, failures);
    }
    boolean changed = false;
    for (JitSelection.Selected s : selected) {
      String method = s.method().name + s.method().desc;
      if (request.role() == Role.DRIVER && s.spawn()) {
        String declined = DispatchStubPass.apply(cls.name, s.method());
        if (declined == null) {
          log.add(DispatchStubPass.NAME + " " + method + ": applied");
          int n = Type.getArgumentTypes(s.method().desc).length;
          // Until the distribution analysis decides otherwise, every argument travels whole (REP).
          stubs.add(new DispatchStub(InstrSupport.methodKey(cls.name, s.method().name, s.method().desc),
              new boolean[n], false));
          changed = true;
        } else {
          log.add(DispatchStubPass.NAME + " " + method + ": declined: " + declined);
          failures.add(new MethodFailure(cls.name, method, declined));
        }
      } else {
        log.add("in-place " + method + ": declined: no parallel rewriting for role " + request.role() + " yet");
      }
    }
    if (!changed) {
      return new RewriteResult(null, stubs, log, failures);
    }
    byte[] rewritten;
    try {
      ClassHierarchy writer = new ClassHierarchy(reader, request.classBytes());
      cls.accept(writer);
      rewritten = writer.toByteArray();
    } catch (RuntimeException e) {
      failures.add(new MethodFailure(cls.name, "*", "could not write the class: " + e));
      return new RewriteResult(null, List.of(), log, failures);
    }
    String problem = Verification.verify(rewritten);
    if (problem != null) {
      failures.add(new MethodFailure(cls.name, "*", "rewritten class does not verify: " + problem));
      return new RewriteResult(null, List.of(), log, failures);
    }
    if (request.dumpDir() != null) {
      try {
        BytecodeDump.write(request.dumpDir(), cls.name, "original", original);
        BytecodeDump.write(request.dumpDir(), cls.name, "rewritten", rewritten);
      } catch (IOException e) {
        log.add("dump failed: " + e.getMessage());
      }
    }
    return new RewriteResult(rewritten, stubs, log, failures);
  }
}
