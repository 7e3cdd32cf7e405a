package dev.parjit.transforms;

import org.objectweb.asm.Opcodes;

/** The one home of the ASM API level and the names rewritten code depends on. */
public final class InstrSupport {

  /** ASM API level used by every visitor and tree in Parjit. */
  public static final int ASM_API = Opcodes.ASM9;

  /** Internal name of the driver-side dispatch holder called by spawn stubs. */
  public static final String DISPATCH = "dev/parjit/runtime/Dispatch";

  /** Descriptor of {@code Dispatch.invoke(Class, String, Object[])}. */
  public static final String DISPATCH_INVOKE_DESC =
      "(Ljava/lang/Class;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/Object;";

  /** Descriptor of {@code Dispatch.invoke(Class, String, Object, Object[])}: an instance method's receiver third. */
  public static final String DISPATCH_INVOKE_INSTANCE_DESC =
      "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;";

  /** Descriptor of {@code Dispatch.runsHere(Object)}. */
  public static final String DISPATCH_RUNS_HERE_DESC = "(Ljava/lang/Object;)Z";

  /** Descriptor of {@code Dispatch.sequentialFailure(Throwable)}. */
  public static final String DISPATCH_SEQUENTIAL_FAILURE_DESC = "(Ljava/lang/Throwable;)Ljava/lang/Throwable;";

  /**
   * Suffix of the driver's copy of a stubbed method's original code: the stub runs it when the
   * call must stay on the driver (aliased arguments, a failure on the workers to reproduce).
   */
  public static final String SEQUENTIAL_SUFFIX = "$parjitSequential";

  private InstrSupport() { }

  /**
   * The key that names a method across processes: {@code pkg.Class.name(desc)}. Driver stubs
   * send it; workers look the method up by it.
   */
  public static String methodKey(String owner, String name, String desc) {
    return owner.replace('/', '.') + "." + name + desc;
  }
}
