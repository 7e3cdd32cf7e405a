package dev.parjit.agent.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parjit.analysis.plan.SpecializationKey;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Jit} varargs method ({@code double sum(double... xs)}) runs on the workers like one
 * taking {@code double[]}: the worker calls it with the array the driver sent, which a variable
 * arity handle would instead have taken as one element to unbox (a ClassCastException that sent
 * every call back to the driver).
 */
class VarargsHandleTest {

  static double sum(double... xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s;
  }

  @Test
  void aVarargsMethodTakesTheArrayItself() throws Throwable {
    Method m = VarargsHandleTest.class.getDeclaredMethod("sum", double[].class);
    String methodKey = VarargsHandleTest.class.getName() + ".sum([D)D";
    SpecializationKey key = SpecializationKey.defaultFor("([D)D", new boolean[] {true});
    MethodHandle h = new SpecializationTable(false).spreadHandle(m, methodKey, key, key);
    assertEquals(6.5, (Object) h.invokeExact(new Object[] {new double[] {1, 2, 3.5}}));
    assertEquals(0.0, (Object) h.invokeExact(new Object[] {new double[0]}));
  }
}
