package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.runtime.Dispatch;
import dev.parjit.transforms.targets.StubTargets;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassRewriterDriverTest {

  private final List<String> calls = new ArrayList<>();
  private final List<Object[]> argsSeen = new ArrayList<>();

  static byte[] bytesOf(String internalName) {
    try (InputStream in = ClassRewriterDriverTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final Function<String, byte[]> BYTES = ClassRewriterDriverTest::bytesOf;

  /** Defines the rewritten class in a fresh loader (delegating everything else to ours). */
  static Class<?> load(String name, byte[] bytes) throws ClassNotFoundException {
    ClassLoader loader = new ClassLoader(ClassRewriterDriverTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
        if (n.equals(name)) {
          synchronized (getClassLoadingLock(n)) {
            Class<?> c = findLoadedClass(n);
            return c != null ? c : defineClass(n, bytes, 0, bytes.length);
          }
        }
        return super.loadClass(n, resolve);
      }
    };
    return loader.loadClass(name);
  }

  @AfterEach
  void uninstall() {
    Dispatch.install(null);
  }

  private RewriteResult rewriteTargets(Path dump) {
    String internal = StubTargets.class.getName().replace('.', '/');
    return ClassRewriter.rewrite(bytesOf(internal), new RewriteRequest(Role.DRIVER, List.of(), BYTES, dump));
  }

  @Test
  void spawnMethodsBecomeStubsThatShipBoxedArguments() throws Exception {
    RewriteResult result = rewriteTargets(null);
    assertNotNull(result.bytes());
    Dispatch.install((key, args) -> {
      calls.add(key);
      argsSeen.add(args);
      if (key.contains(".scale(")) {
        return -1.5; // not what the original computes: proves the stub ran, not the body
      }
      if (key.contains(".count(")) {
        return 42L;
      }
      if (key.contains(".map(")) {
        return args[0] == null ? Dispatch.runHere() : new double[] {9};
      }
      return null;
    });
    Class<?> c = load(StubTargets.class.getName(), result.bytes());

    assertEquals(-1.5, (double) c.getMethod("scale", int.class, double.class).invoke(null, 3, 2.0));
    assertEquals("dev.parjit.transforms.targets.StubTargets.scale(ID)D", calls.get(0));
    assertArrayEquals(new Object[] {3, 2.0}, argsSeen.get(0));

    long[] xs = {1, 2};
    Method count = c.getMethod("count", long[].class, boolean.class, char.class, byte.class, short.class, float.class);
    assertEquals(42L, (long) count.invoke(null, xs, true, 'q', (byte) 7, (short) -3, 1.25f));
    assertArrayEquals(new Object[] {xs, true, 'q', (byte) 7, (short) -3, 1.25f}, argsSeen.get(1));

    assertArrayEquals(new double[] {9}, (double[]) c.getMethod("map", double[].class).invoke(null, new double[] {1, 2}));
    // Answered "run here", the stub runs the original code on the driver (here it throws, as the original would).
    Method map = c.getMethod("map", double[].class);
    java.lang.reflect.InvocationTargetException npe = org.junit.jupiter.api.Assertions.assertThrows(
        java.lang.reflect.InvocationTargetException.class, () -> map.invoke(null, (Object) null));
    assertTrue(npe.getCause() instanceof NullPointerException, npe.getCause().toString());
    // ... with the trace it has without the agent: one frame "map", not the twin's and the stub's.
    StackTraceElement top = npe.getCause().getStackTrace()[0];
    assertEquals("map", top.getMethodName(), top.toString());
    assertTrue(top.getLineNumber() > 0, top.toString());
    assertTrue(java.util.Arrays.stream(npe.getCause().getStackTrace())
        .noneMatch(f -> f.getMethodName().contains(InstrSupport.SEQUENTIAL_SUFFIX)), java.util.Arrays.toString(npe.getCause().getStackTrace()));
    assertEquals(InstrSupport.SEQUENTIAL_SUFFIX, dev.parjit.runtime.SequentialFrames.SUFFIX);
    int[] a = {0};
    c.getMethod("touch", int[].class).invoke(null, a);
    assertEquals(0, a[0], "the void stub shipped the call instead of running the body");
    assertEquals(5, calls.size());

    // spawn = false and plain methods run in place.
    assertEquals(8, (int) c.getMethod("inPlace", int.class).invoke(null, 7));
    assertEquals(6, (int) c.getMethod("notJit", int.class).invoke(null, 7));
    // Methods placed on the driver keep their code.
    assertEquals(6, (int) c.getMethod("sequentialOnly", int[].class).invoke(null, new int[] {1, 2, 3}));
    assertEquals(5, calls.size());
  }

  @Test
  void stubsAreReportedAndOtherMethodsPlacedOnTheDriverWithTheirReason() {
    RewriteResult result = rewriteTargets(null);
    assertEquals(6, result.stubs().size());
    assertEquals(List.of(), result.failures());
    DispatchStub weighted = result.stubs().stream().filter(s -> s.methodKey().contains(".weighted(")).findFirst()
        .orElseThrow();
    // The array field became a parameter (FieldArrayLifting): scattered like one, no longer a field read.
    assertTrue(weighted.methodKey().endsWith(".weighted(I[D)D"), weighted.methodKey());
    assertEquals(List.of(), weighted.fieldReads());
    assertArrayEquals(new boolean[] {false, true}, weighted.distributedParams());
    DispatchStub touch = result.stubs().stream().filter(s -> s.methodKey().contains(".touch(")).findFirst().orElseThrow();
    assertArrayEquals(new boolean[] {true}, touch.writtenParams(), "touch writes its argument: copied back");
    List<String> placements = result.passLog().stream().filter(l -> l.startsWith(DriverPlacement.LOG_PREFIX)).toList();
    assertTrue(placements.contains("Placement StubTargets.scale: workers"), placements.toString());
    assertTrue(placements.contains("Placement StubTargets.weighted: workers"), placements.toString());
    assertTrue(placements.contains("Placement StubTargets.instance: driver (nothing in it runs in parallel)"),
        placements.toString());
    assertTrue(placements.stream().anyMatch(l -> l.startsWith("Placement StubTargets.sequentialOnly: driver (nothing in it "
        + "runs in parallel (loop #0:")), placements.toString());
    assertTrue(placements.stream().anyMatch(l -> l.startsWith("Placement StubTargets.prints: driver (prints")),
        placements.toString());
    // Array data but no parallel work (no loop, no member call): no round trip for a getter.
    assertTrue(placements.contains("Placement StubTargets.weightCount: driver (nothing in it runs in parallel)"),
        placements.toString());
    assertTrue(placements.contains("Placement StubTargets.first: driver (nothing in it runs in parallel)"),
        placements.toString());
    assertTrue(placements.contains("Placement StubTargets.twice: workers"), placements.toString());
  }

  @Test
  void strictFailsAMethodWithParallelLoopsKeptOnTheDriver() throws Exception {
    String internal = StubTargets.class.getName().replace('.', '/');
    RewriteResult result = ClassRewriter.rewrite(bytesOf(internal),
        new RewriteRequest(Role.DRIVER, List.of(), BYTES, null, true));
    assertTrue(result.passLog().contains(
        "ParjitWarning: StubTargets.prints has parallel loops but runs on the driver: prints (output keeps its order "
            + "only on the driver) at line " + lineOfPrint()), result.passLog().toString());
    Dispatch.install((key, args) -> Dispatch.runHere());
    Class<?> c = load(StubTargets.class.getName(), result.bytes());
    java.lang.reflect.InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(
        java.lang.reflect.InvocationTargetException.class, () -> c.getMethod("prints", int.class).invoke(null, 3));
    assertTrue(e.getCause() instanceof dev.parjit.ParjitCompilationException, e.getCause().toString());
    assertTrue(e.getCause().getMessage().contains("StubTargets.prints runs on the driver: prints"), e.getCause().getMessage());
  }

  /** The source line of the println in {@code StubTargets.prints}. */
  private static int lineOfPrint() throws Exception {
    java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
        "src/test/java/dev/parjit/transforms/targets/StubTargets.java"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("System.out.println(s);")) {
        return i + 1;
      }
    }
    throw new AssertionError("no println in StubTargets");
  }

  @Test
  void classesWithoutJitAreLeftAlone() {
    String internal = ClassRewriterDriverTest.class.getName().replace('.', '/');
    assertNull(ClassRewriter.rewrite(bytesOf(internal), new RewriteRequest(Role.DRIVER, List.of(), BYTES, null)).bytes());
  }

  @Test
  void jitPatternsMarkUnannotatedMethods() throws Exception {
    String internal = StubTargets.class.getName().replace('.', '/');
    RewriteResult result = ClassRewriter.rewrite(bytesOf(internal),
        new RewriteRequest(Role.DRIVER, List.of("dev.parjit.transforms.*.StubTargets#not*"), BYTES, null));
    assertTrue(result.stubs().stream().anyMatch(s -> s.methodKey().contains(".notJit(I)I")), result.stubs().toString());
    assertTrue(new JitSelection(List.of("dev.parjit.*#x")).mayMatchClass(internal));
    assertTrue(!new JitSelection(List.of("com.acme.*#x")).mayMatchClass(internal));
  }

  @Test
  void dumpWritesOriginalAndRewrittenClassesWithText(@TempDir Path dir) throws Exception {
    rewriteTargets(dir);
    Path base = dir.resolve("dev/parjit/transforms/targets");
    assertTrue(Files.exists(base.resolve("StubTargets.original.class")));
    assertTrue(Files.exists(base.resolve("StubTargets.rewritten.class")));
    assertTrue(Files.readString(base.resolve("StubTargets.rewritten.txt")).contains("dev/parjit/runtime/Dispatch.invoke"));
  }

  @Test
  void brokenBytecodeIsReportedNotThrown() {
    assertNotNull(Verification.verify(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 1}));
  }
}
