package dev.parjit.transforms;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The calls rewritten code makes into {@code dev.parjit.frame.dist.DistributedFrames}, the frame
 * library's distributed entry points (same descriptors as the sequential ones they replace).
 */
public final class FrameCallsRuntime {

  /** Internal name of the distributed frame entry points. */
  public static final String OWNER = "dev/parjit/frame/dist/DistributedFrames";

  private FrameCallsRuntime() { }

  /**
   * The distributed counterpart of a frame source or array wrap: {@code DataFrame.readParquet} to
   * {@code DistributedFrames.readParquet}, {@code DataFrame.of} to {@code frameOf}, {@code Series.of}
   * to {@code seriesOf}.
   */
  public static MethodInsnNode distributedVersion(MethodInsnNode call) {
    String name = call.name;
    if (call.getOpcode() == Opcodes.INVOKESTATIC) {
      if (name.equals("of")) {
        name = call.owner.endsWith("/Series") ? "seriesOf" : "frameOf";
      }
      return new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, name, call.desc, false);
    }
    // An instance call becomes a static one taking the receiver first.
    return new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, name, "(L" + call.owner + ";" + call.desc.substring(1), false);
  }

  /**
   * {@code s.getDouble(i)} in a parallel loop over a distributed series: {@code localDouble(s, i)},
   * which reads this rank's row {@code i - start} ({@code getLong} to {@code localLong}, ...).
   */
  public static MethodInsnNode localRead(MethodInsnNode read) {
    String name = read.name.equals("isNull") ? "localIsNull" : "local" + read.name.substring(3);
    return new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, name, "(L" + read.owner + ";" + read.desc.substring(1), false);
  }

  /** {@code rowLoop(first, end, down)}: counts a row loop's range on this rank (the frame library's statistics). */
  public static MethodInsnNode rowLoop() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, "rowLoop", "(IIZ)V", false);
  }

  /** Entry of a spawn-mode frame parameter: {@code blockOf(Object)Object} (1D) or {@code replicate(Object)Object}. */
  public static MethodInsnNode entry(boolean distributed) {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, distributed ? "blockOf" : "replicate",
        "(Ljava/lang/Object;)Ljava/lang/Object;", false);
  }

  /** {@code replicate(Object)Object} for the argument on top of the stack (printing a distributed frame). */
  public static MethodInsnNode replicateTop() {
    return new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, "replicate", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
  }

  /** Gathers a distributed frame or series whole on every rank: {@code replicate(Object)Object} and a cast. */
  public static InsnList replicate(String returnInternalName) {
    InsnList out = new InsnList();
    out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, OWNER, "replicate", "(Ljava/lang/Object;)Ljava/lang/Object;", false));
    out.add(new TypeInsnNode(Opcodes.CHECKCAST, returnInternalName));
    return out;
  }
}
