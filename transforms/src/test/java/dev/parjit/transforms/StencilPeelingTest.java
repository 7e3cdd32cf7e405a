package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.runtime.BlockDistribution;
import dev.parjit.runtime.DistributedArrays;
import dev.parjit.runtime.SimulatedRanks;
import dev.parjit.transforms.passes.StencilPeelingPass;
import dev.parjit.transforms.targets.StencilPeelTargets;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Stencil loops split into halo, interior and halo parts ({@code StencilPeelingPass}), run on 1–4
 * simulated ranks for sizes from 0 to past the halo widths: every rank's part of the result, and the
 * exception past the array's end, are exactly the sequential ones; the pass log and the bytecode show
 * that each loop was split (so a loop left whole cannot pass) and that the interior reads the chunk
 * directly.
 */
class StencilPeelingTest {

  private static final List<String> METHODS = List.of("jacobi", "wide", "stepped", "guarded", "inner", "two",
      "pastTheEnd");

  private static Object input(Class<?> type, int n, int salt) {
    Object a = Array.newInstance(type.getComponentType(), n);
    for (int i = 0; i < n; i++) {
      int v = (i * 7 + salt) % 5; // repeats, so guarded divides by zero somewhere
      if (a instanceof double[] d) {
        d[i] = v * 0.75 - 1;
      } else if (a instanceof float[] f) {
        f[i] = v * 1.5f;
      } else if (a instanceof long[] l) {
        l[i] = v * 1_000_000_007L;
      } else {
        ((int[]) a)[i] = v;
      }
    }
    return a;
  }

  /** The arguments of {@code m} for size {@code n} (the same values on every call). */
  private static Object[] arguments(Method m, int n) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int k = 0; k < types.length; k++) {
      args[k] = types[k].isArray() ? input(types[k], n, k) : k == 0 ? (Object) n : (Object) 3;
    }
    return args;
  }

  /** What a call leaves: the result's elements by global index, or the exception. */
  private static String outcome(Object result, long start) {
    return "from " + start + ": " + (result instanceof double[] d ? Arrays.toString(d)
        : result instanceof long[] l ? Arrays.toString(l) : Arrays.toString((int[]) result));
  }

  private static String slice(Object whole, long from, long to) {
    Object part = Array.newInstance(whole.getClass().getComponentType(), (int) (to - from));
    System.arraycopy(whole, (int) from, part, 0, (int) (to - from));
    return outcome(part, from);
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"WORKER", "SPMD"})
  void splitStencilLoopsLeaveTheSequentialResultsOnEveryRank(Role role) throws Exception {
    String internal = StencilPeelTargets.class.getName().replace('.', '/');
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(internal),
        new RewriteRequest(role, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertEquals(List.of(), result.failures());
    assertEquals(null, Verification.verify(result.bytes()));
    String log = String.join("\n", result.passLog());
    ClassNode cn = new ClassNode();
    new ClassReader(result.bytes()).accept(cn, 0);
    // In SPMD mode parameters are whole on every rank: only the method's own arrays need halos there.
    for (String name : role == Role.WORKER ? METHODS : List.of("jacobi")) {
      assertTrue(result.passLog().stream().anyMatch(l -> l.startsWith(StencilPeelingPass.NAME + " " + name + "(")
          && l.endsWith(": applied")), name + " is split:\n" + log);
      MethodNode m = cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
      // The two halo parts read through the halo; the interior reads the chunk.
      assertEquals(2 * originalReads(name), calls(m, "read"), name + ": halo reads in the first and last parts");
      assertEquals(name.equals("two") ? 2 : 1, calls(m, "exchange"), name + ": one exchange per stencil array");
      assertEquals(name.equals("two") ? 2 : 1, calls(m, "chunkStart"), name + ": the interior reads each chunk directly");
    }
    Class<?> c = ClassRewriterDriverTest.load(StencilPeelTargets.class.getName(), result.bytes());
    for (String name : METHODS) {
      Method jit = Arrays.stream(c.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
      Method seq = Arrays.stream(StencilPeelTargets.class.getMethods()).filter(x -> x.getName().equals(name))
          .findFirst().orElseThrow();
      for (int n : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 9, 17, 64}) {
        Object expected;
        try {
          expected = seq.invoke(null, arguments(seq, n));
        } catch (InvocationTargetException e) {
          expected = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        }
        for (int p = 1; p <= 4; p++) {
          int ranks = p;
          List<String[]> out = SimulatedRanks.run(p, r -> {
            Object[] args = arguments(jit, n);
            if (role == Role.WORKER) {
              // Array parameters arrive in block chunks, as the driver scatters them.
              for (int k = 0; k < args.length; k++) {
                if (args[k].getClass().isArray()) {
                  long s = BlockDistribution.start(n, ranks, r);
                  long e = BlockDistribution.end(n, ranks, r);
                  Object chunk = Array.newInstance(args[k].getClass().getComponentType(), (int) (e - s));
                  System.arraycopy(args[k], (int) s, chunk, 0, (int) (e - s));
                  DistributedArrays.register(chunk, n, s);
                  args[k] = chunk;
                }
              }
            }
            try {
              Object got = jit.invoke(null, args);
              DistributedArrays.Chunk chunk = DistributedArrays.lookup(got);
              long start = chunk == null ? 0 : chunk.start();
              return new String[] {outcome(got, start), String.valueOf(start),
                  String.valueOf(start + Array.getLength(got))};
            } catch (InvocationTargetException e) {
              return new String[] {e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage()};
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException(e);
            }
          });
          for (String[] o : out) {
            String want = expected instanceof String s ? s
                : o.length == 1 ? "a result" : slice(expected, Long.parseLong(o[1]), Long.parseLong(o[2]));
            assertEquals(want, o[0], role + " " + name + " n=" + n + " p=" + p);
          }
        }
      }
    }
  }

  /** Array reads in the original method of the arrays its stencil loop reads at offsets. */
  private static long originalReads(String name) {
    return switch (name) {
      case "jacobi", "guarded" -> 3;
      case "wide", "stepped", "inner", "two", "pastTheEnd" -> 2;
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static long calls(MethodNode m, String name) {
    long n = 0;
    for (AbstractInsnNode x : m.instructions) {
      n += x instanceof MethodInsnNode mi && mi.getOpcode() == Opcodes.INVOKESTATIC && mi.owner.equals(RuntimeCalls.HALO)
          && mi.name.equals(name) ? 1 : 0;
    }
    return n;
  }

  @org.junit.jupiter.api.Test
  void aLoopTooLongToCopyStaysOneLoopThroughTheHaloAndAnswersExactly() throws Exception {
    String internal = dev.parjit.transforms.targets.StencilHugeTargets.class.getName().replace('.', '/');
    RewriteResult result = ClassRewriter.rewrite(ClassRewriterDriverTest.bytesOf(internal),
        new RewriteRequest(Role.WORKER, List.of(), ClassRewriterDriverTest.BYTES, null));
    assertEquals(List.of(), result.failures());
    assertTrue(result.passLog().stream().anyMatch(l -> l.startsWith(StencilPeelingPass.NAME + " huge(")
        && l.contains(": declined: two more copies of the loop")), String.join("\n", result.passLog()));
    ClassNode cn = new ClassNode();
    new ClassReader(result.bytes()).accept(cn, 0);
    MethodNode m = cn.methods.stream().filter(x -> x.name.equals("huge")).findFirst().orElseThrow();
    assertEquals(220, calls(m, "read"), "every read goes through the halo, once");
    Class<?> c = ClassRewriterDriverTest.load(dev.parjit.transforms.targets.StencilHugeTargets.class.getName(),
        result.bytes());
    Method jit = c.getMethod("huge", double[].class);
    for (int n : new int[] {0, 1, 3, 17}) {
      double[] u = (double[]) input(double[].class, n, 0);
      double[] expected = dev.parjit.transforms.targets.StencilHugeTargets.huge(u);
      for (int p = 1; p <= 3; p++) {
        int ranks = p;
        List<String> out = SimulatedRanks.run(p, r -> {
          long s = BlockDistribution.start(n, ranks, r);
          double[] chunk = Arrays.copyOfRange(u, (int) s, (int) BlockDistribution.end(n, ranks, r));
          DistributedArrays.register(chunk, n, s);
          try {
            Object got = jit.invoke(null, (Object) chunk);
            DistributedArrays.Chunk placed = DistributedArrays.lookup(got);
            long from = placed == null ? 0 : placed.start();
            return outcome(got, from) + " | " + slice(expected, from, from + Array.getLength(got));
          } catch (ReflectiveOperationException x) {
            throw new IllegalStateException(x);
          }
        });
        for (String o : out) {
          String[] parts = o.split(" \\| ");
          assertEquals(parts[1], parts[0], "n=" + n + " p=" + p);
        }
      }
    }
  }
}
