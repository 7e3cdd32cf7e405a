package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.transforms.targets.FieldTargets;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class FieldArrayLiftingTest {

  private static final String INTERNAL = FieldTargets.class.getName().replace('.', '/');

  private static ClassNode targets() {
    ClassNode cls = new ClassNode(InstrSupport.ASM_API);
    new ClassReader(ClassRewriterDriverTest.bytesOf(INTERNAL)).accept(cls, 0);
    return cls;
  }

  private static MethodNode method(ClassNode cls, String name) {
    return cls.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
  }

  @Test
  void arrayFieldsReadFromThisBecomeTrailingParameters() {
    ClassNode cls = targets();
    MethodNode twin = FieldArrayLifting.lift(cls, method(cls, "square"));
    assertNotNull(twin);
    assertEquals("(" + "[D[D" + ")V", twin.desc, "out then x, in order of first read");
    assertTrue(twin.localVariables.stream().anyMatch(v -> v.name.equals("out") && v.index == 1));
    MethodNode rows = FieldArrayLifting.lift(cls, method(cls, "fillRows"));
    assertEquals("(D[[D)V", rows.desc);
  }

  @Test
  void fieldsAssignedOrThisEscapingKeepTheMethod() {
    ClassNode cls = targets();
    assertNull(FieldArrayLifting.lift(cls, method(cls, "replace")));
    assertNull(FieldArrayLifting.lift(cls, method(cls, "viaHelper")));
    assertNull(FieldArrayLifting.lift(cls, method(cls, "viaAssigningHelper")));
  }

  @Test
  void staticHelpersThatAssignNoFieldAreHarmless() {
    ClassNode cls = targets();
    assertNotNull(FieldArrayLifting.lift(cls, method(cls, "viaStaticHelpers")));
  }

  @Test
  void privateHelpersThatReadOnlyScalarFieldsAndAssignNothingArePure() {
    ClassNode cls = targets();
    MethodNode twin = FieldArrayLifting.lift(cls, method(cls, "viaPureHelper"));
    assertNotNull(twin);
    assertEquals("([D)V", twin.desc, "out lifted, this still the helper's receiver");
    for (String name : List.of("viaArrayReadingHelper", "viaCountingHelper", "thisAsArgument")) {
      assertNull(FieldArrayLifting.lift(cls, method(cls, name)), name);
    }
  }

  @Test
  void workersAnalyseTheLiftedMethodWithTheFieldsAsDistributedParameters() throws Exception {
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(INTERNAL),
        new RewriteRequest(Role.WORKER, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertNotNull(result.bytes(), () -> result.failures().toString());
    assertTrue(result.failures().isEmpty(), () -> result.failures().toString());
    assertTrue(result.passLog().stream().anyMatch(l -> l.startsWith("FieldArrayLifting square()V")), () -> result.passLog().toString());
    assertTrue(result.plans().stream().anyMatch(p -> p.method().name.equals("square") && p.method().desc.equals("([D[D)V")
        && p.loops().stream().anyMatch(l -> l.parallel())), "the lifted loop is parallel");
  }

  /** Only the lifting (no chunking): the original method delegates to its twin with the fields' own arrays. */
  private static Class<?> liftedOnly() throws Exception {
    ClassReader reader = new ClassReader(ClassRewriterDriverTest.bytesOf(INTERNAL));
    ClassNode cls = new ClassNode(InstrSupport.ASM_API);
    reader.accept(cls, 0);
    List<String> log = new ArrayList<>();
    FieldArrayLifting.apply(cls, new JitSelection(List.of()).select(cls), log);
    assertEquals(4, log.size(), log::toString);
    ClassHierarchy writer = new ClassHierarchy(reader, ClassRewriterDriverTest.BYTES);
    cls.accept(writer);
    byte[] bytes = writer.toByteArray();
    assertNull(Verification.verify(bytes));
    return ClassRewriterDriverTest.load(FieldTargets.class.getName(), bytes);
  }

  @Test
  void liftedMethodsWriteIntoTheFieldsOwnArrays() throws Exception {
    Class<?> c = liftedOnly();
    Object o = c.getConstructor().newInstance();
    double[] x = {1, 2, 3};
    double[] out = new double[3];
    c.getField("x").set(o, x);
    c.getField("out").set(o, out);
    c.getField("n").setInt(o, 1);
    c.getMethod("square").invoke(o);
    assertSame(out, c.getField("out").get(o));
    assertArrayEquals(new double[] {2, 5, 10}, out);
    double[][] m = {new double[2], new double[3]};
    c.getField("c").set(o, m);
    c.getMethod("fillRows", double.class).invoke(o, 2.0);
    assertArrayEquals(new double[] {2, 3, 4}, m[1]);
    double[] out2 = new double[3];
    c.getField("out").set(o, out2);
    c.getMethod("viaPureHelper").invoke(o);
    assertSame(out2, c.getField("out").get(o));
    assertArrayEquals(new double[] {1, 3, 5}, out2);
  }

  @Test
  void aNullFieldFailsWithTheSequentialMessage() throws Exception {
    Class<?> c = liftedOnly();
    Object o = c.getConstructor().newInstance();
    c.getField("out").set(o, null);
    FieldTargets plain = new FieldTargets();
    plain.out = null;
    NullPointerException expected = assertThrows(NullPointerException.class, plain::square);
    InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> c.getMethod("square").invoke(o));
    assertEquals(expected.getMessage(), e.getCause().getMessage());
  }

  @Test
  void theDriverStubsTheTwinWithTheFieldsAsWrittenOrReadArguments() {
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(INTERNAL),
        new RewriteRequest(Role.DRIVER, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertTrue(result.failures().isEmpty(), () -> result.failures().toString());
    DispatchStub square = result.stubs().stream().filter(s -> s.methodKey().endsWith(".square([D[D)V")).findFirst()
        .orElseThrow(() -> new AssertionError(result.stubs().toString()));
    assertArrayEquals(new boolean[] {true, true}, square.distributedParams(), "out and x travel in chunks");
    assertArrayEquals(new boolean[] {true, false}, square.writtenParams(), "out's chunks are copied back");
    assertEquals(List.of("dev/parjit/transforms/targets/FieldTargets.n:I"), square.fieldReads());
    DispatchStub rows = result.stubs().stream().filter(s -> s.methodKey().endsWith(".fillRows(D[[D)V")).findFirst()
        .orElseThrow();
    assertArrayEquals(new boolean[] {false, true}, rows.writtenParams());
    List<String> placements = result.passLog().stream().filter(l -> l.startsWith(DriverPlacement.LOG_PREFIX)).toList();
    assertTrue(placements.contains("Placement FieldTargets.square: workers"), placements.toString());
    assertTrue(placements.stream().anyMatch(l -> l.startsWith("Placement FieldTargets.replace: driver (")
        && l.contains("it writes into an array that is not distributed with the loop")), placements.toString());
    assertTrue(placements.stream().anyMatch(l -> l.startsWith("Placement FieldTargets.viaHelper: driver (")),
        placements.toString());
  }

  @Test
  void spmdKeepsTheFieldsReplicated() {
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(INTERNAL),
        new RewriteRequest(Role.SPMD, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertTrue(result.passLog().stream().noneMatch(l -> l.startsWith("FieldArrayLifting")), result.passLog().toString());
    assertTrue(result.plans().stream().filter(p -> p.method().name.equals("square")).allMatch(p ->
        p.loops().stream().noneMatch(l -> l.parallel())
        && p.loops().get(0).reason().contains("not distributed with the loop")), "SPMD: sequential, with its reason");
  }
}
