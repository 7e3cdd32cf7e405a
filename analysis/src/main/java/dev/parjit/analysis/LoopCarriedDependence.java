package dev.parjit.analysis;

import dev.parjit.analysis.dataflow.Consumers;
import dev.parjit.analysis.loops.NaturalLoop;
import dev.parjit.analysis.plan.CountedLoop;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The rule that keeps a loop sequential when one iteration reads what another writes: it reads an
 * array at {@code i + c} ({@code c != 0}) and writes that same array in the loop (Gauss–Seidel's
 * {@code u[i] = (u[i-1] + u[i+1]) / 2}, an in-place prefix {@code a[i] += a[i-1]}). Run in any
 * order, the iterations would read neighbours' old or new values by chance. A stencil that reads
 * one array and writes another (Jacobi) has no such dependence and may run in parallel with a halo
 * exchange ({@link StencilIndex}); so has a loop stepping by {@code s} whose reads and writes of the
 * array stay at {@code i .. i + s - 1} (pairs {@code v[i], v[i + 1]} with {@code i += 2}). Variables that exchange arrays count as the same array unless
 * {@link BufferRotation} proves them distinct where the loop starts.
 */
final class LoopCarriedDependence {

  private LoopCarriedDependence() { }

  /** {@code null} when no iteration reads another's writes, else the reason naming the array. */
  static String check(MethodNode method, NaturalLoop loop, CountedLoop shape, Consumers c, BufferRotation rotations,
      LineTable lines) {
    if (!shape.indexType().equals("I")) {
      return null;
    }
    for (int i = loop.body().nextSetBit(0); i >= 0; i = loop.body().nextSetBit(i + 1)) {
      AbstractInsnNode read = method.instructions.get(i);
      if (read.getOpcode() < Opcodes.IALOAD || read.getOpcode() > Opcodes.SALOAD) {
        continue;
      }
      Integer readSlot = arraySlot(c.operand(read, 1), c, 1);
      StencilIndex.Offset at = StencilIndex.of(c.operand(read, 0), shape.indexSlot(), c);
      if (readSlot == null || at == null || at.offset() == 0) {
        continue;
      }
      for (int j = loop.body().nextSetBit(0); j >= 0; j = loop.body().nextSetBit(j + 1)) {
        AbstractInsnNode write = method.instructions.get(j);
        if (write.getOpcode() < Opcodes.IASTORE || write.getOpcode() > Opcodes.SASTORE) {
          continue;
        }
        if (withinOneStep(shape, at.offset()) && withinOneStep(shape, writeOffset(write, shape, c))) {
          continue; // v[i + 1] read, v[i] written, i += 2: each iteration keeps to its own elements
        }
        Integer writeSlot = arraySlot(c.operand(write, 2), c, 1);
        for (Integer rows : rowSources(c.operand(write, 2), c)) {
          // m[i][j] = e, or row[j] = e with row = m[i], writes a row of m: a write of m for the rows read at
          // i + c (Gauss-Seidel in 2-D)
          if (rotations.mayAlias(readSlot, rows, method.instructions.get(loop.header()))) {
            writeSlot = rows;
          }
        }
        if (writeSlot != null && rotations.mayAlias(readSlot, writeSlot, method.instructions.get(loop.header()))) {
          String name = VariableNames.at(method, readSlot, read);
          String written = VariableNames.at(method, writeSlot, write);
          String index = "i" + (at.offset() > 0 ? " + " + at.offset() : " - " + -at.offset());
          String readAt = LineTable.line(read) == LineTable.line(write) ? "" : lines.at(read);
          return "it reads '" + name + "' at " + index + readAt + " and writes "
              + (name.equals(written) ? "it" : "'" + written + "', which may be the same array,")
              + " in the same loop" + lines.at(write)
              + ": an iteration reads what another writes (a loop-carried dependence, as in Gauss-Seidel or an"
              + " in-place prefix sum)";
        }
      }
    }
    return null;
  }

  /**
   * Whether an access at {@code i + offset} stays in the iteration's own elements {@code [i, i + s)} of a
   * loop counting up by {@code s >= 2}: no other iteration reads or writes them.
   */
  private static boolean withinOneStep(CountedLoop shape, Integer offset) {
    return offset != null && shape.step() >= 2 && !shape.kind().isDescending() && offset >= 0 && offset < shape.step();
  }

  /** The offset {@code c} of a store at {@code i + c}, or {@code null}. */
  private static Integer writeOffset(AbstractInsnNode write, CountedLoop shape, Consumers c) {
    StencilIndex.Offset at = StencilIndex.of(ArrayOperands.of(c, write, 1), shape.indexSlot(), c);
    return at == null ? null : at.offset();
  }

  /**
   * The arrays of rows a written array may be a row of: {@code m} for a store into {@code m[r]} loaded
   * right there or kept in a local ({@code double[] row = m[r]; row[j] = e}).
   */
  private static Set<Integer> rowSources(Set<AbstractInsnNode> producers, Consumers c) {
    Set<Integer> out = new java.util.TreeSet<>();
    Set<AbstractInsnNode> rows = new java.util.HashSet<>();
    for (AbstractInsnNode p : producers) {
      if (p.getOpcode() == Opcodes.AALOAD) {
        rows.add(p);
      } else if (p instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD) {
        for (AbstractInsnNode d : c.definitions(p, v.var)) {
          if (d.getOpcode() == Opcodes.ASTORE) {
            c.operand(d, 0).stream().filter(x -> x.getOpcode() == Opcodes.AALOAD).forEach(rows::add);
          }
        }
      }
    }
    for (AbstractInsnNode row : rows) {
      Integer slot = arraySlot(c.operand(row, 1), c, 1);
      if (slot != null) {
        out.add(slot);
      }
    }
    return out;
  }

  /** The local variable an access's array operand loads, looking through an in-place update's {@code dup2}. */
  private static Integer arraySlot(Set<AbstractInsnNode> producers, Consumers c, int dupDepth) {
    if (producers.size() != 1) {
      return null;
    }
    AbstractInsnNode x = producers.iterator().next();
    if (x.getOpcode() == Opcodes.DUP2) {
      Set<AbstractInsnNode> below = c.operand(x, dupDepth);
      x = below.size() == 1 ? below.iterator().next() : null;
    }
    return x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD ? v.var : null;
  }
}
