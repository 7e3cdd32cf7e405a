package dev.parjit.analysis.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.MethodAnalyzer;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.analysis.plan.ExecutionMode;
import dev.parjit.analysis.plan.MethodPlan;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The lattice on DataFrame code. The analysis never loads the frame classes, so the methods are
 * written with ASM here: the analysis module does not depend on the frame library.
 */
class FrameLatticeTest {

  private static final String DF = "dev/parjit/frame/DataFrame";
  private static final String SERIES = "dev/parjit/frame/Series";

  /** {@code static double m(String path) { DataFrame df = readParquet(path); Series s = df.column("power"); <tail>; return s.mean(); }} */
  private static MethodPlan analyse(Consumer<MethodNode> tail) throws Exception {
    ClassNode cn = new ClassNode();
    cn.version = Opcodes.V17;
    cn.name = "demo/Pipeline";
    cn.superName = "java/lang/Object";
    cn.sourceFile = "Pipeline.java";
    MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "(Ljava/lang/String;)D", null, null);
    Label start = new Label();
    Label end = new Label();
    Label l11 = new Label();
    m.visitLabel(start);
    m.visitLineNumber(10, start);
    m.visitVarInsn(Opcodes.ALOAD, 0);
    m.visitMethodInsn(Opcodes.INVOKESTATIC, DF, "readParquet", "(Ljava/lang/String;)L" + DF + ";", false);
    m.visitVarInsn(Opcodes.ASTORE, 1);
    m.visitLabel(l11);
    m.visitLineNumber(11, l11);
    m.visitVarInsn(Opcodes.ALOAD, 1);
    m.visitLdcInsn("power");
    m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, DF, "column", "(Ljava/lang/String;)L" + SERIES + ";", false);
    m.visitVarInsn(Opcodes.ASTORE, 2);
    Label l12 = new Label();
    m.visitLabel(l12);
    m.visitLineNumber(12, l12);
    tail.accept(m);
    m.visitVarInsn(Opcodes.ALOAD, 2);
    m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SERIES, "mean", "()D", false);
    m.visitInsn(Opcodes.DRETURN);
    m.visitLabel(end);
    m.visitLocalVariable("path", "Ljava/lang/String;", null, start, end, 0);
    m.visitLocalVariable("df", "L" + DF + ";", null, l11, end, 1);
    m.visitLocalVariable("s", "L" + SERIES + ";", null, l12, end, 2);
    m.maxStack = 4;
    m.maxLocals = 3;
    cn.methods.add(m);
    return MethodAnalyzer.analyze(cn, m, ExecutionMode.SPMD);
  }

  @Test
  void aParquetSourceIsOneDVarAndItsColumnsFollow() throws Exception {
    MethodPlan plan = analyse(m -> { });
    assertEquals(Distribution.ONE_D_VAR, plan.variables().get("df"), plan.variables().toString());
    assertEquals(Distribution.ONE_D_VAR, plan.variables().get("s"));
    assertEquals(java.util.List.of("readParquet", "column", "mean"),
        plan.distributedFrameCalls().stream().map(c -> c.name).toList(), "every call on distributed data is redirected");
    assertTrue(plan.repDecisions().isEmpty(), plan.repDecisions().toString());
  }

  @Test
  void aFramePassedToUnknownCodeMakesItsSourceReplicated() throws Exception {
    MethodPlan plan = analyse(m -> {
      m.visitVarInsn(Opcodes.ALOAD, 2);
      m.visitMethodInsn(Opcodes.INVOKESTATIC, "demo/Util", "log", "(L" + SERIES + ";)V", false);
    });
    assertEquals(Distribution.REP, plan.variables().get("df"));
    assertEquals(Distribution.REP, plan.variables().get("s"));
    assertTrue(plan.distributedFrameCalls().isEmpty());
    assertEquals(2, plan.repDecisions().size(), plan.repDecisions().toString());
    assertEquals("df", plan.repDecisions().get(0).subject());
    assertEquals("it is derived from 'df', which is REP", plan.repDecisions().get(1).reason());
    assertEquals("it is passed to Util.log, which Parjit does not model", plan.repDecisions().get(0).reason());
    assertEquals(12, plan.repDecisions().get(0).line());
  }

  @Test
  void printingAFrameKeepsItDistributed() throws Exception {
    MethodPlan plan = analyse(m -> {
      m.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
      m.visitVarInsn(Opcodes.ALOAD, 1);
      m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/PrintStream", "println", "(Ljava/lang/Object;)V", false);
    });
    assertEquals(Distribution.ONE_D_VAR, plan.variables().get("df"));
    assertEquals(1, plan.replicatedArguments().size(), "the frame is gathered before it is printed");
  }

  @Test
  void aFrameThatMeetsReplicatedDataAtAJoinIsReplicated() throws Exception {
    MethodPlan plan = analyse(m -> {
      Label skip = new Label();
      m.visitVarInsn(Opcodes.ALOAD, 0);
      m.visitJumpInsn(Opcodes.IFNONNULL, skip);
      m.visitInsn(Opcodes.ACONST_NULL);
      m.visitVarInsn(Opcodes.ASTORE, 1);
      m.visitLabel(skip);
      m.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
      m.visitVarInsn(Opcodes.ALOAD, 1);
      m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, DF, "numRows", "()I", false);
      m.visitInsn(Opcodes.POP);
    });
    assertEquals(Distribution.REP, plan.variables().get("df"));
    assertTrue(plan.repDecisions().stream().anyMatch(r -> r.reason().equals("it meets replicated data where control flow joins")),
        plan.repDecisions().toString());
    assertTrue(plan.distributedFrameCalls().isEmpty());
  }

  @Test
  void aFrameStoredInAFieldIsReplicated() throws Exception {
    MethodPlan plan = analyse(m -> {
      m.visitVarInsn(Opcodes.ALOAD, 1);
      m.visitFieldInsn(Opcodes.PUTSTATIC, "demo/Pipeline", "last", "L" + DF + ";");
    });
    assertEquals(Distribution.REP, plan.variables().get("df"));
    assertEquals("it is stored into field last", plan.repDecisions().get(0).reason());
  }
}
