package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Floating values keep their raw bits through Java serialization, primitive fields included. */
class RawBitsStreamsTest {

  private static final double PAYLOAD_NAN = Double.longBitsToDouble(0x7ff8_0000_0000_1234L);
  private static final float PAYLOAD_FLOAT_NAN = Float.intBitsToFloat(0x7fc0_0042);

  /** A program's exception whose primitive fields hold NaNs with payloads. */
  static final class MeasuredFailure extends RuntimeException {
    final double reading;
    final float gauge;
    double plain = 1.5;
    transient double scratch;

    MeasuredFailure(double reading, float gauge) {
      super("reading " + reading);
      this.reading = reading;
      this.gauge = gauge;
    }
  }

  /** An argument object: a floating field in a superclass, a shared child and a cycle. */
  static class Base implements Serializable {
    double inherited;
  }

  static final class Node extends Base {
    float weight;
    Node next;
    Object same;
  }

  record Point(double x, double y) implements Serializable { }

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RawBitsStreams.Output out = RawBitsStreams.output(bytes)) {
      out.writeValue(value);
    }
    try (RawBitsStreams.Input in = RawBitsStreams.input(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readValue();
    }
  }

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }

  private static int bits(float f) {
    return Float.floatToRawIntBits(f);
  }

  @Test
  void anExceptionsDoubleAndFloatFieldsKeepTheirNaNPayloads() throws Exception {
    MeasuredFailure original = new MeasuredFailure(PAYLOAD_NAN, PAYLOAD_FLOAT_NAN);
    MeasuredFailure copy = assertInstanceOf(MeasuredFailure.class, roundTrip(original));
    assertEquals(bits(PAYLOAD_NAN), bits(copy.reading));
    assertEquals(bits(PAYLOAD_FLOAT_NAN), bits(copy.gauge));
    assertEquals(1.5, copy.plain);
    assertEquals(0.0, copy.scratch, "a transient field is not written, so nothing restores it");
    assertEquals("reading NaN", copy.getMessage());
    assertNull(copy.getCause(), "Throwable's own cause (itself when unset) survives");
  }

  @Test
  void theFailureFormRanksExchangeKeepsThePayloads() {
    MeasuredFailure original = new MeasuredFailure(PAYLOAD_NAN, PAYLOAD_FLOAT_NAN);
    byte[] form = SerializedFailure.write(original);
    MeasuredFailure copy = assertInstanceOf(MeasuredFailure.class,
        SerializedFailure.read(form, RawBitsStreamsTest.class.getClassLoader()));
    assertEquals(bits(PAYLOAD_NAN), bits(copy.reading));
    assertEquals(bits(PAYLOAD_FLOAT_NAN), bits(copy.gauge));
  }

  @Test
  void everyRankThrowsTheFailureWithItsPayloads() throws Exception {
    for (int p = 2; p <= 4; p++) {
      MeasuredFailure original = new MeasuredFailure(PAYLOAD_NAN, PAYLOAD_FLOAT_NAN);
      int failing = p - 1;
      List<Throwable> thrown = SimulatedRanks.run(p, r -> {
        if (r == failing) {
          ParallelRuntime.loopFailed(original);
        }
        try {
          ParallelRuntime.agreeLoop();
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      for (int r = 0; r < p; r++) {
        MeasuredFailure e = assertInstanceOf(MeasuredFailure.class, thrown.get(r), "rank " + r + " of " + p);
        assertEquals(bits(PAYLOAD_NAN), bits(e.reading), "rank " + r + " of " + p);
        assertEquals(bits(PAYLOAD_FLOAT_NAN), bits(e.gauge), "rank " + r + " of " + p);
      }
    }
  }

  @Test
  void inheritedFieldsSharingAndCyclesAreKept() throws Exception {
    Node a = new Node();
    Node b = new Node();
    a.inherited = PAYLOAD_NAN;
    a.weight = PAYLOAD_FLOAT_NAN;
    b.inherited = -0.0;
    b.weight = Float.NaN;
    a.next = b;
    b.next = a;
    a.same = b;
    Node copy = assertInstanceOf(Node.class, roundTrip(new Object[] {a, b}) instanceof Object[] pair ? pair[0] : null);
    assertEquals(bits(PAYLOAD_NAN), bits(copy.inherited));
    assertEquals(bits(PAYLOAD_FLOAT_NAN), bits(copy.weight));
    assertSame(copy.next, copy.same, "one object for both references");
    assertSame(copy, copy.next.next, "the cycle is kept");
    assertEquals(bits(-0.0), bits(copy.next.inherited));
    assertEquals(bits(Float.NaN), bits(copy.next.weight));
  }

  @Test
  void boxesAndArraysStillTravelByTheirBits() throws Exception {
    Object[] values = {PAYLOAD_NAN, PAYLOAD_FLOAT_NAN, new double[] {1, PAYLOAD_NAN}, new float[] {PAYLOAD_FLOAT_NAN}};
    Object[] copy = (Object[]) roundTrip(values);
    assertEquals(bits(PAYLOAD_NAN), bits((Double) copy[0]));
    assertEquals(bits(PAYLOAD_FLOAT_NAN), bits((Float) copy[1]));
    assertEquals(bits(PAYLOAD_NAN), bits(((double[]) copy[2])[1]));
    assertEquals(bits(PAYLOAD_FLOAT_NAN), bits(((float[]) copy[3])[0]));
  }

  @Test
  void aRecordHoldingSuchANaNIsDeclinedByNameAndAnOrdinaryOneTravels() throws Exception {
    Point ordinary = (Point) roundTrip(new Point(Double.NaN, 2));
    assertEquals(bits(Double.NaN), bits(ordinary.x()));
    NotSerializableException e = assertThrows(NotSerializableException.class, () -> roundTrip(new Point(PAYLOAD_NAN, 2)));
    assertTrue(e.getMessage().contains(Point.class.getName() + ".x"), e.getMessage());
  }

  @Test
  void aValueWithoutPayloadsCarriesNoFieldList() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RawBitsStreams.Output out = RawBitsStreams.output(bytes)) {
      out.writeValue(new MeasuredFailure(Double.NaN, 1f));
    }
    try (RawBitsStreams.Input in = RawBitsStreams.input(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.setObjectInputFilter(info -> info.serialClass() == RawBitsStreams.RawFields.class
          ? java.io.ObjectInputFilter.Status.REJECTED : java.io.ObjectInputFilter.Status.UNDECIDED);
      assertInstanceOf(MeasuredFailure.class, in.readValue());
    } catch (IOException e) {
      throw new AssertionError("a field list was written", e);
    }
  }
}
