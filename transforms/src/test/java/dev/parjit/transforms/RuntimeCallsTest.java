package dev.parjit.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.analysis.plan.ReductionOp;
import dev.parjit.runtime.ParallelRuntime;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodInsnNode;

/** Every call the transforms emit names a real public static method of ParallelRuntime. */
class RuntimeCallsTest {

  @Test
  void everyEmittedCallResolves() {
    List<MethodInsnNode> calls = new ArrayList<>();
    for (String t : List.of("I", "J")) {
      calls.add(RuntimeCalls.block("blockStart", t));
      calls.add(RuntimeCalls.block("blockEnd", t));
      calls.add(RuntimeCalls.alignUp(t));
    }
    for (String t : List.of("I", "J", "F", "D")) {
      calls.add(RuntimeCalls.reduction("reduceInit", t));
      calls.add(RuntimeCalls.reduction("allreduce", t));
      calls.add(RuntimeCalls.arrayReduction("arrayReduceInit", t));
      calls.add(RuntimeCalls.arrayReduction("arrayAllreduce", t));
    }
    for (String t : List.of("D", "F", "J", "I", "S", "C", "B", "Z")) {
      calls.add(RuntimeCalls.newArray(t));
      calls.add(RuntimeCalls.newRowPlacedArray(t));
    }
    // Every primitive array type a distributed SPMD return can have: [S and [C were missing (NoSuchMethodError).
    for (String t : List.of("[D", "[F", "[J", "[I", "[S", "[C", "[B", "[Z")) {
      calls.add(RuntimeCalls.replicate(t));
    }
    calls.add(RuntimeCalls.owned("ownedStart"));
    calls.add(RuntimeCalls.owned("ownedEnd"));
    calls.add(RuntimeCalls.checkAligned());
    calls.add(RuntimeCalls.agreeLoopAllreduce());
    calls.add(RuntimeCalls.enterDistributed());
    calls.add(RuntimeCalls.blockOf());
    calls.add(RuntimeCalls.length());
    calls.add((MethodInsnNode) RuntimeCalls.failCompilation("m").getLast());
    calls.add(RuntimeCalls.beginCall());
    calls.add(RuntimeCalls.loopFailed());
    calls.add(RuntimeCalls.agreeLoop());
    calls.add((MethodInsnNode) RuntimeCalls.enterCall("m").getLast());
    calls.add((MethodInsnNode) RuntimeCalls.compilationError("C", "m", "why").getLast());
    calls.add(RuntimeCalls.endCall());
    for (MethodInsnNode call : calls) {
      assertEquals(RuntimeCalls.OWNER, call.owner);
      assertEquals(1, count(call), call.name + call.desc + " exists once");
    }
    assertEquals(ReductionOp.values().length, dev.parjit.mpi.ReduceOp.values().length, "operator codes line up");
    for (ReductionOp op : ReductionOp.values()) {
      assertEquals(op.name(), dev.parjit.mpi.ReduceOp.values()[op.ordinal()].name());
    }
  }

  @Test
  void haloCallsResolve() {
    List<MethodInsnNode> calls = new ArrayList<>(List.of(RuntimeCalls.haloExchange(), RuntimeCalls.haloSegments(),
        RuntimeCalls.haloCheckSeparate(), RuntimeCalls.haloInteriorFrom(), RuntimeCalls.haloInteriorTo(),
        RuntimeCalls.haloChunkStart()));
    for (String t : List.of("D", "F", "J", "I")) {
      calls.add(RuntimeCalls.haloRead(t));
    }
    for (MethodInsnNode call : calls) {
      assertEquals(RuntimeCalls.HALO, call.owner);
      assertEquals(1, count(call, dev.parjit.runtime.Halo.class), call.name + call.desc + " exists once");
    }
  }

  private static long count(MethodInsnNode call) {
    return count(call, ParallelRuntime.class);
  }

  private static long count(MethodInsnNode call, Class<?> owner) {
    long n = 0;
    for (Method m : owner.getMethods()) {
      if (m.getName().equals(call.name) && java.lang.reflect.Modifier.isStatic(m.getModifiers())
          && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString().equals(call.desc)) {
        n++;
      }
    }
    return n;
  }
}
