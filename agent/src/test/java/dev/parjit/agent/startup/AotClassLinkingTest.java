package dev.parjit.agent.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class AotClassLinkingTest {

  /** A class file with one static method, annotated {@code @Jit} when {@code jit}. */
  private static byte[] classFile(String name, boolean jit) {
    ClassWriter cw = new ClassWriter(0);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "f", "()V", null, null);
    if (jit) {
      mv.visitAnnotation("Ldev/parjit/Jit;", false).visitEnd();
    }
    mv.visitCode();
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static Path jar(Path dir, String... jitAndPlain) throws Exception {
    Path j = dir.resolve("app.jar");
    try (OutputStream out = Files.newOutputStream(j); JarOutputStream jar = new JarOutputStream(out)) {
      for (String n : jitAndPlain) {
        jar.putNextEntry(new JarEntry(n + ".class"));
        jar.write(classFile(n, n.contains("Jit")));
        jar.closeEntry();
      }
    }
    return j;
  }

  @Test
  void theDumpLeavesOutWhatTheAgentCompilesAndTheirLambdas(@TempDir Path dir) throws Exception {
    String cp = jar(dir, "app/WithJit", "app/Plain", "app/Patterned").toString();
    List<String> lines = List.of("java/lang/Object id: 0", "app/WithJit id: 1", "app/Plain id: 2", "app/Patterned id: 3",
        "@lambda-proxy app/WithJit run ()Ljava/lang/Runnable; ()V REF_invokeStatic app/WithJit lambda$f$0 ()V ()V",
        "@lambda-proxy app/Plain run ()Ljava/lang/Runnable; ()V REF_invokeStatic app/Plain lambda$f$0 ()V ()V",
        "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L");
    List<String> kept = AotClassLinking.withoutCompiledClasses(lines, cp, List.of("app.Patterned#f"));
    assertEquals(List.of("java/lang/Object id: 0", "app/Plain id: 2", lines.get(5), lines.get(6)), kept);
    assertEquals(List.of("java/lang/Object id: 0", "app/Plain id: 2", "app/Patterned id: 3", lines.get(5), lines.get(6)),
        AotClassLinking.withoutCompiledClasses(lines, cp, List.of()), "without patterns only the @Jit class and its lambda go");
  }

  @Test
  void moduleOptionsAreTheModuleGraphsAndAnAgentAddsInstrument() {
    assertEquals(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
        "--add-modules=java.instrument"), AotClassLinking.moduleOptions(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-Xmx1g", "-XX:ParallelGCThreads=1", "--enable-native-access=ALL-UNNAMED", "-Dx=y", "-javaagent:/a/parjit-agent.jar=role=worker")));
  }

  @Test
  void onlyJdk25AndLaterDumpAotCaches() {
    assertFalse(AotClassLinking.supported(17));
    assertFalse(AotClassLinking.supported(24));
    assertTrue(AotClassLinking.supported(25));
    List<String> dump = AotClassLinking.dumpOptions(List.of("--add-modules=java.instrument"));
    assertEquals(AotClassLinking.supported(), AotClassLinking.linksAheadOfTime(dump));
    assertEquals(AotClassLinking.supported() ? List.of("-XX:+AOTClassLinking", "--add-modules=java.instrument") : List.of(),
        dump);
    assertEquals(AotClassLinking.supported() ? 2 : 1, AotClassLinking.quietOptions().size());
  }

  @Test
  void workersNeverInheritTheDriversAotOptions() {
    for (String o : List.of("-XX:AOTCache=d.aot", "-XX:AOTMode=record", "-XX:AOTConfiguration=d.conf",
        "-XX:AOTCacheOutput=d.aot", "-XX:+AOTClassLinking", "-XX:SharedArchiveFile=d.jsa")) {
      assertTrue(WorkerArchive.isSharingOption(o), o);
    }
    assertFalse(WorkerArchive.isSharingOption("-XX:+UseParallelGC"));
  }
}
