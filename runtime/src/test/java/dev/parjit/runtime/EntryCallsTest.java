package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Single rank: the returned rows are this rank's block, registered as the compiled code does. */
class EntryCallsTest {

  /** A compiled method's return: {@code replicateRows} right before {@code ARETURN}. */
  static Object compiled(Object rows) {
    return ParallelRuntime.replicateRows(rows);
  }

  /** A compiled method calling another: the callee's rows are read whole here. */
  static Object caller(Object rows) {
    return compiled(rows);
  }

  /** A caller compiled as a specialization: a hidden class, whose frames a default walk leaves out. */
  static final class HiddenCaller {
    static Object call(Object rows) {
      return compiled(rows);
    }
  }

  private static MethodHandle spread(String name) throws ReflectiveOperationException {
    return spread(EntryCallsTest.class, name);
  }

  private static MethodHandle spread(Class<?> owner, String name) throws ReflectiveOperationException {
    MethodHandle h = MethodHandles.lookup().findStatic(owner, name,
        MethodType.methodType(Object.class, Object.class));
    return h.asSpreader(Object[].class, 1).asType(MethodType.methodType(Object.class, Object[].class));
  }

  private static double[][] registeredRows() {
    double[][] rows = {{1, 2}, {3, 4}};
    DistributedArrays.register(rows, 2, 0);
    return rows;
  }

  @AfterEach
  void clear() {
    EntryCalls.takeKept();
    DistributedArrays.clear();
  }

  @Test
  void theEntryCallsRowsAreKeptForTheDriverNotGathered() throws Throwable {
    double[][] rows = registeredRows();
    Object out = EntryCalls.invoke(spread("compiled"), new Object[] {rows});
    assertSame(rows, out);
    assertSame(rows, EntryCalls.takeKept());
    assertNull(EntryCalls.takeKept(), "taken once");
  }

  @Test
  void rowsANestedCallReturnsAreGatheredForItsCaller() throws Throwable {
    double[][] rows = registeredRows();
    Object out = EntryCalls.invoke(spread("caller"), new Object[] {rows});
    assertNotSame(rows, out, "gathered (on one rank: a copy of the same rows)");
    assertArrayEquals(rows, (double[][]) out);
    assertNull(EntryCalls.takeKept());
  }

  @Test
  void rowsANestedCallReturnsToAHiddenSpecializationAreGatheredToo() throws Throwable {
    byte[] bytes;
    try (var in = EntryCallsTest.class.getResourceAsStream("EntryCallsTest$HiddenCaller.class")) {
      bytes = in.readAllBytes();
    }
    MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
    double[][] rows = registeredRows();
    MethodHandle call = hidden.findStatic(hidden.lookupClass(), "call",
        MethodType.methodType(Object.class, Object.class));
    Object out = EntryCalls.invoke(call.asSpreader(Object[].class, 1)
        .asType(MethodType.methodType(Object.class, Object[].class)), new Object[] {rows});
    assertNotSame(rows, out, "the hidden caller reads the callee's rows whole");
    assertArrayEquals(rows, (double[][]) out);
    assertNull(EntryCalls.takeKept());
  }

  @Test
  void outsideAnEntryCallRowsAreGathered() {
    double[][] rows = registeredRows();
    assertNotSame(rows, compiled(rows));
    assertNull(EntryCalls.takeKept());
  }
}
