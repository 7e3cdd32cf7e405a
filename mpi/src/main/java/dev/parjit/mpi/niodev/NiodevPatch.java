package dev.parjit.mpi.niodev;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.util.ListIterator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Defines MPJ Express's {@code xdev.niodev.NIODevice} (0.44) with two changes, before anything
 * loads it, in the class loader that holds MPJ:
 * <ul>
 * <li>{@code bindPort(ServerSocketChannel)} calls {@link NiodevHooks#bindPort}: niodev otherwise
 *     binds its two listening ports on every interface (reachable through the machine's external
 *     address), and it has no setting for the address;</li>
 * <li>the rendezvous connection {@code new Socket(serverName, serverPort)} becomes
 *     {@link NiodevHooks#connectRendezvous}, which proves the job's secret first.</li>
 * </ul>
 * No other byte changes. When the class is not the expected one (another MPJ build) or is loaded
 * already, {@link #install} throws naming why: ranks then cannot join an authenticated rendezvous,
 * and a clear failure at start-up beats a launch that times out.
 */
public final class NiodevPatch {

  static final String NIODEVICE = "xdev/niodev/NIODevice";
  private static final String HOOKS = Type.getInternalName(NiodevHooks.class);
  private static final String BIND_PORT_DESC = "(Ljava/nio/channels/ServerSocketChannel;)I";

  private static boolean installed;

  private NiodevPatch() { }

  /** Defines the patched {@code NIODevice} once per process (later calls do nothing). */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    try {
      // Any other class of the package gives a lookup that may define classes there.
      Class<?> anchor = Class.forName("xdev.niodev.ConfigReader", false, ClassLoader.getSystemClassLoader());
      ClassLoader loader = anchor.getClassLoader();
      byte[] original;
      try (InputStream in = loader.getResourceAsStream(NIODEVICE + ".class")) {
        if (in == null) {
          throw new IllegalStateException("MPJ Express's " + NIODEVICE + ".class is not on the classpath");
        }
        original = in.readAllBytes();
      }
      byte[] patched = patch(original);
      MethodHandles.privateLookupIn(anchor, MethodHandles.lookup()).defineClass(patched);
      installed = true;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("MPJ Express (xdev.niodev) is not on the classpath", e);
    } catch (IOException | IllegalAccessException e) {
      throw new IllegalStateException("cannot adapt MPJ Express niodev: " + e, e);
    } catch (LinkageError e) {
      throw new IllegalStateException("cannot adapt MPJ Express niodev: NIODevice was loaded before Parjit could"
          + " bind its ports to one address (" + e + ")", e);
    }
  }

  /** The patched class bytes; a clear exception when either call site is missing. */
  static byte[] patch(byte[] original) {
    ClassNode cn = new ClassNode();
    new ClassReader(original).accept(cn, 0);
    boolean bind = false;
    boolean connect = false;
    for (MethodNode m : cn.methods) {
      if (m.name.equals("bindPort") && m.desc.equals(BIND_PORT_DESC)) {
        replaceBody(m);
        bind = true;
      } else if (m.name.equals("init")) {
        connect |= redirectRendezvousSocket(m);
      }
    }
    if (!bind || !connect) {
      throw new IllegalStateException("cannot adapt MPJ Express niodev: NIODevice is not the 0.44 class Parjit knows ("
          + (bind ? "" : "no bindPort(ServerSocketChannel); ") + (connect ? "" : "no rendezvous new Socket(String, int) in init")
          + ")");
    }
    ClassWriter cw = new ClassWriter(0);
    cn.accept(cw);
    return cw.toByteArray();
  }

  private static void replaceBody(MethodNode m) {
    InsnList body = new InsnList();
    body.add(new VarInsnNode(Opcodes.ALOAD, 1));
    body.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "bindPort", BIND_PORT_DESC, false));
    body.add(new InsnNode(Opcodes.IRETURN));
    m.instructions = body;
    m.tryCatchBlocks.clear();
    m.localVariables = null;
    m.maxStack = 1;
    m.maxLocals = 2;
    // bindPort(ServerSocketChannel) declares nothing; NiodevHooks.bindPort throws IOException,
    // which the JVM does not check: the caller in init already catches Exception around it.
  }

  /** {@code NEW Socket; DUP; ...; INVOKESPECIAL Socket.<init>(String,int)} becomes {@code ...; INVOKESTATIC hooks}. */
  private static boolean redirectRendezvousSocket(MethodNode m) {
    for (ListIterator<AbstractInsnNode> it = m.instructions.iterator(); it.hasNext(); ) {
      AbstractInsnNode insn = it.next();
      if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESPECIAL
          && call.owner.equals("java/net/Socket") && call.name.equals("<init>")
          && call.desc.equals("(Ljava/lang/String;I)V")) {
        AbstractInsnNode news = findNewDup(call);
        if (news == null) {
          return false;
        }
        m.instructions.remove(news.getNext()); // DUP
        m.instructions.remove(news);           // NEW
        m.instructions.set(call, new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "connectRendezvous",
            "(Ljava/lang/String;I)Ljava/net/Socket;", false));
        return true;
      }
    }
    return false;
  }

  /**
   * The {@code NEW java/net/Socket} that this constructor call initialises: the nearest one before
   * it, followed by a DUP, with no branch or branch target in between (what javac emits for
   * {@code new Socket(a, b)} whose arguments are field reads).
   */
  private static AbstractInsnNode findNewDup(AbstractInsnNode call) {
    for (AbstractInsnNode p = call.getPrevious(); p != null; p = p.getPrevious()) {
      // A stack map frame or a jump in between would be a path that this rewrite breaks.
      if (p.getType() == AbstractInsnNode.FRAME || p.getType() == AbstractInsnNode.JUMP_INSN) {
        return null;
      }
      if (p.getOpcode() == Opcodes.NEW) {
        return ((TypeInsnNode) p).desc.equals("java/net/Socket") && p.getNext() != null
            && p.getNext().getOpcode() == Opcodes.DUP ? p : null;
      }
    }
    return null;
  }
}
