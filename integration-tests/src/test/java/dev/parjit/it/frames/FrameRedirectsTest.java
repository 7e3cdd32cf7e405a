package dev.parjit.it.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.analysis.frames.FrameCalls;
import dev.parjit.analysis.lattice.DistValue;
import dev.parjit.analysis.plan.Distribution;
import dev.parjit.frame.DataFrame;
import dev.parjit.frame.GroupBy;
import dev.parjit.frame.Series;
import dev.parjit.frame.dist.DistributedFrames;
import dev.parjit.transforms.FrameCallsRuntime;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Every frame call the analysis models on distributed data is redirected by the rewriting to
 * {@code DistributedFrames} with the same descriptor (receiver first): a call whose counterpart is
 * missing would fail at link time on the workers, far from its cause.
 */
class FrameRedirectsTest {

  @Test
  void everyModelledFrameCallHasItsDistributedCounterpart() {
    Set<String> counterparts = new TreeSet<>();
    for (Method m : DistributedFrames.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        counterparts.add(m.getName() + Type.getMethodDescriptor(m));
      }
    }
    FrameCalls model = new FrameCalls();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Class<?> owner : List.of(DataFrame.class, Series.class, GroupBy.class)) {
      for (Method m : owner.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
          continue;
        }
        boolean isStatic = Modifier.isStatic(m.getModifiers());
        MethodInsnNode call = new MethodInsnNode(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKEVIRTUAL,
            Type.getInternalName(owner), m.getName(), Type.getMethodDescriptor(m), false);
        List<DistValue> args = new ArrayList<>();
        if (!isStatic) {
          args.add(DistValue.rooted(BasicValue.REFERENCE_VALUE, Distribution.ONE_D_BLOCK, "receiver"));
        }
        for (Type t : Type.getArgumentTypes(m)) {
          BasicValue basic = t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY ? BasicValue.REFERENCE_VALUE
              : BasicValue.INT_VALUE;
          args.add(basic == BasicValue.REFERENCE_VALUE
              ? DistValue.rooted(basic, Distribution.ONE_D_BLOCK, "argument") : DistValue.rep(basic));
        }
        if (model.result(call, args) == null || FrameCalls.isPrintingCall(call)) {
          continue; // not modelled: the call keeps its data replicated and is not redirected
        }
        if (isStatic && !FrameCalls.isSource(call) && !FrameCalls.isArrayWrap(call)) {
          continue; // a static call over distributed values other than a source or a wrap is not redirected
        }
        checked++;
        MethodInsnNode redirected = FrameCallsRuntime.distributedVersion(call);
        if (!counterparts.contains(redirected.name + redirected.desc)) {
          missing.add(owner.getSimpleName() + "." + m.getName() + Type.getMethodDescriptor(m) + " -> "
              + redirected.name + redirected.desc);
        }
      }
    }
    assertTrue(checked > 20, "the model covers the frame API: " + checked + " calls checked");
    assertEquals(List.of(), missing, "frame calls without a DistributedFrames counterpart");
  }
}
