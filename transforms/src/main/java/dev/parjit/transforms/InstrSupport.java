package dev.parjit.transforms;

import org.objectweb.asm.Opcodes;

/** The one home of the ASM API level and the names rewritten code depends on. */
public final class InstrSupport {

  /** ASM API level used by every visitor and tree in Parjit. */
  public static final int ASM_API = Opcodes.ASM9;

  /** Internal name of the driver-side dispatch holder called by spawn stubs. */
  public static final String DISPATCH = "dev/parjit/runtime/Dispatch";

  /** Descriptor of {@code Dispatch.invoke(String, Object[])}. */
  public static final String DISPATCH_INVOKE_DESC = "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/Object;";

  private InstrSupport() { }

  /**
   * The key that names a method across processes: {@code pkg.Class.name(desc)}. Driver stubs
   * send it; workers look the method up by it.
   */
  public static String methodKey(String owner, String name, String desc) {
    return owner.replace('/', '.') + "." + name + desc;
  }
}
