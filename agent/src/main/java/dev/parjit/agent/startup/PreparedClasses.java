package dev.parjit.agent.startup;

import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import dev.parjit.transforms.InstrSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a worker: loads the classes the driver named ({@value #PROPERTY}, comma-separated binary
 * names) on a background thread as the agent starts, so this JVM's agent compiles them while MPI
 * starts instead of when the first call resolves its method. Loading only: no static initializer
 * of theirs runs here (the first call initializes the class, quietly, as before). A class this JVM
 * cannot load (a JShell snippet's, shipped with the call) is skipped. When one of them calls {@code
 * DataFrame.readParquet}, the same thread then initializes the Parquet reader's footer model
 * ({@code ReaderClasses}), the costliest initializer of a first read. A daemon thread: a program
 * that exits at once is not held.
 */
public final class PreparedClasses {

  private static final Logger LOG = LoggerFactory.getLogger(PreparedClasses.class);

  /** The system property the driver sets on its workers' command line. */
  public static final String PROPERTY = "parjit.prepareClasses";

  private static final String FRAME = "dev/parjit/frame/DataFrame";
  private static final String READ_PARQUET = "readParquet";

  private PreparedClasses() { }

  /** Starts loading the named classes, if any. */
  public static void startLoading() {
    String names = System.getProperty(PROPERTY, "");
    if (names.isBlank()) {
      return;
    }
    Thread t = new Thread(() -> prepare(names.split(",")), "parjit-prepare-classes");
    t.setDaemon(true);
    t.start();
  }

  private static void prepare(String[] names) {
    ClassLoader loader = ClassLoader.getSystemClassLoader();
    boolean readsParquet = false;
    for (String n : names) {
      if (!StartHint.isClassName(n)) {
        continue;
      }
      try {
        Class.forName(n, false, loader);
        readsParquet |= callsReadParquet(loader, n);
      } catch (ClassNotFoundException | LinkageError e) {
        LOG.debug("not prepared: {} ({})", n, e.toString());
      }
    }
    StartupLog.mark("worker: prepared " + names.length + " class(es)");
    if (readsParquet && initializeFooterModel()) {
      StartupLog.mark("worker: Parquet footer model initialized");
    }
  }

  private static boolean initializeFooterModel() {
    try {
      return dev.parjit.frame.io.parquet.ReaderClasses.initializeFooterModel();
    } catch (LinkageError e) {
      return false; // no frame library here
    }
  }

  /** Whether the class file of {@code className} calls {@code DataFrame.readParquet}. */
  static boolean callsReadParquet(ClassLoader loader, String className) {
    try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in != null && callsReadParquet(in.readAllBytes());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static boolean callsReadParquet(byte[] classFile) {
    boolean[] found = new boolean[1];
    new ClassReader(classFile).accept(new ClassVisitor(InstrSupport.ASM_API) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
        return new MethodVisitor(InstrSupport.ASM_API) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String method, String mdesc, boolean itf) {
            found[0] |= owner.equals(FRAME) && method.equals(READ_PARQUET);
          }
        };
      }
    }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return found[0];
  }
}
