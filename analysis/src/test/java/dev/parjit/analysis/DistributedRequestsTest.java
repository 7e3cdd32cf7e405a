package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.targets.DistributedRequestTargets;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** An SPMD {@code @Jit(distributed = ...)} parameter the analysis makes REP is an error naming it and the reason. */
class DistributedRequestsTest {

  private static String check(String method, ExecutionMode mode, String... names) throws Exception {
    ClassNode cn = new ClassNode();
    try (InputStream in = DistributedRequestTargets.class.getResourceAsStream("DistributedRequestTargets.class")) {
      new ClassReader(in.readAllBytes()).accept(cn, 0);
    }
    for (MethodNode m : cn.methods) {
      if (m.name.equals(method)) {
        return DistributedRequests.unhonoured(MethodAnalyzer.analyze(cn, m, mode, Set.of(names)), Set.of(names));
      }
    }
    throw new AssertionError(method);
  }

  private static void assertMentions(String message, String... parts) {
    assertTrue(message != null, "an error is reported");
    for (String p : parts) {
      assertTrue(message.contains(p), "'" + p + "' in: " + message);
    }
  }

  @Test
  void aParameterKept1DIsHonoured() throws Exception {
    assertNull(check("sum", ExecutionMode.SPMD, "x"));
    assertNull(check("sum", ExecutionMode.SPMD, "x", "return"));
    assertNull(check("sum", ExecutionMode.SPMD));
    assertNull(check("shifted", ExecutionMode.SPMD, "x"), "x[i + 1] is a stencil read: the halo comes from the next rank");
  }

  @Test
  void aParameterMadeRepIsAnErrorWithTheAnalysisReason() throws Exception {
    String message = check("reversed", ExecutionMode.SPMD, "x");
    assertMentions(message, "'x'", "REP", "chunk");
    assertTrue(!message.endsWith(": ; each rank would take its own chunk for the whole array"), message);
  }

  @Test
  void aNonArrayOrReassignedParameterSaysSo() throws Exception {
    assertMentions(check("scale", ExecutionMode.SPMD, "x"), "'x'", "one-dimensional primitive array", "int");
    assertMentions(check("reassigned", ExecutionMode.SPMD, "x"), "'x'", "reassigned");
  }

  @Test
  void aNameThatIsNoParameterIsAnError() throws Exception {
    assertMentions(check("sum", ExecutionMode.SPMD, "y"), "[y]", "not parameters of sum");
  }

  @Test
  void spawnModeIsNotChecked() throws Exception {
    assertNull(check("shifted", ExecutionMode.SPAWN, "x"));
  }
}
