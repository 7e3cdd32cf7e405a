package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireCodecTest {

  private static byte[] encode(Object message) throws IOException {
    assertTrue(WireCodec.encodable(message), "encodable");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    new WireCodec().write(out, message);
    out.flush();
    return bytes.toByteArray();
  }

  private static Object decode(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    Object value = new WireCodec().read(in);
    assertEquals(-1, in.read(), "the whole message is read, and no more");
    return value;
  }

  private static Object roundTrip(Object message) throws IOException {
    return decode(encode(message));
  }

  @Test
  void aCallWithEveryArgumentKindRoundTrips() throws IOException {
    double[][] jagged = {{1, 2}, {3}, {}};
    Object[] args = {jagged, 5L, "s", true, 'c', (short) 3, (byte) -1, 2.5f, 7, 1.5, null, new String[] {"a", null},
        new int[][][] {{{1}}}, new boolean[] {true, false}, new char[] {'x', 'y'}, new short[] {1, -2},
        new Messages.Chunk(new long[] {4, 5}, 10, 3), new Messages.LazyRef(9), new Messages.ResidentRef(2)};
    Messages.Call sent = new Messages.Call(7, "a.B.m([[DJ)V", args, new String[] {"a/B.x:I"}, new Object[] {42},
        new boolean[] {true, false}, new Messages.Receiver("a.B", new String[] {"f"}, new Object[] {new double[] {1}}));
    Messages.Call got = (Messages.Call) roundTrip(sent);
    assertEquals(7, got.id());
    assertEquals(sent.methodKey(), got.methodKey());
    assertEquals(args.length, got.args().length);
    assertEquals(double[][].class, got.args()[0].getClass());
    int chunk = args.length - 3;
    Messages.Chunk gotChunk = (Messages.Chunk) got.args()[chunk];
    assertArrayEquals(new long[] {4, 5}, (long[]) gotChunk.array());
    assertEquals(10, gotChunk.globalLength());
    assertEquals(3, gotChunk.start());
    got.args()[chunk] = args[chunk]; // records compare their arrays by identity
    assertTrue(java.util.Arrays.deepEquals(args, got.args()), "arguments");
    assertArrayEquals(sent.staticNames(), got.staticNames());
    assertArrayEquals(sent.staticValues(), got.staticValues());
    assertArrayEquals(sent.writeBack(), got.writeBack());
    assertEquals("a.B", got.receiver().className());
    assertArrayEquals((double[]) sent.receiver().fieldValues()[0], (double[]) got.receiver().fieldValues()[0]);
  }

  @Test
  void largePrimitiveArraysRoundTripExactly() throws IOException {
    Random r = new Random(1);
    int n = 100_003; // more than one scratch buffer, not a multiple of it
    double[] d = new double[n];
    long[] l = new long[n];
    int[] i = new int[n];
    float[] f = new float[n];
    byte[] b = new byte[n];
    for (int k = 0; k < n; k++) {
      d[k] = r.nextGaussian();
      l[k] = r.nextLong();
      i[k] = r.nextInt();
      f[k] = r.nextFloat();
      b[k] = (byte) r.nextInt();
    }
    d[0] = Double.NaN;
    d[1] = -0.0;
    Object[] got = (Object[]) roundTrip(new Object[] {d, l, i, f, b});
    assertArrayEquals(d, (double[]) got[0]);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(((double[]) got[0])[1]));
    assertArrayEquals(l, (long[]) got[1]);
    assertArrayEquals(i, (int[]) got[2]);
    assertArrayEquals(f, (float[]) got[3]);
    assertArrayEquals(b, (byte[]) got[4]);
  }

  @Test
  void scalarNanPayloadsAndSignedZerosRoundTripBitForBit() throws IOException {
    double nan = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);
    float fnan = Float.intBitsToFloat(0x7fc0_0123);
    Object[] got = (Object[]) roundTrip(new Object[] {nan, fnan, -0.0, -0.0f});
    assertEquals(Double.doubleToRawLongBits(nan), Double.doubleToRawLongBits((Double) got[0]));
    assertEquals(Float.floatToRawIntBits(fnan), Float.floatToRawIntBits((Float) got[1]));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) got[2]));
    assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits((Float) got[3]));
  }

  @Test
  void identityWithinOneMessageIsKept() throws IOException {
    double[] shared = {1, 2};
    double[][] rows = {shared, shared};
    Object[] self = new Object[1];
    self[0] = self;
    Object[] got = (Object[]) roundTrip(new Object[] {shared, rows, shared, self});
    assertSame(got[0], got[2]);
    double[][] gotRows = (double[][]) got[1];
    assertSame(got[0], gotRows[0]);
    assertSame(gotRows[0], gotRows[1]);
    Object[] gotSelf = (Object[]) got[3];
    assertSame(gotSelf, gotSelf[0]);
  }

  @Test
  void referenceArraysKeepTheirClassAndIdentityWhicheverKindComes() throws IOException {
    // Plain Object[] arrays are decoded on their own path: the typed ones beside them (and inside
    // them) must still arrive with their own class, contents and self-references.
    Object[][] nested = new Object[2][];
    nested[0] = nested;
    nested[1] = new Object[] {"x", null};
    for (int round = 0; round < 3; round++) {
      Object[] got = (Object[]) roundTrip(new Object[] {new String[] {"a", null}, nested, new Object[] {1L, "b"}});
      assertEquals(Object[].class, got.getClass());
      assertEquals(String[].class, got[0].getClass());
      assertArrayEquals(new String[] {"a", null}, (String[]) got[0]);
      Object[][] gotNested = (Object[][]) got[1];
      assertEquals(Object[][].class, gotNested.getClass());
      assertSame(gotNested, gotNested[0]);
      assertEquals(Object[].class, gotNested[1].getClass());
      assertArrayEquals(new Object[] {"x", null}, gotNested[1]);
      assertArrayEquals(new Object[] {1L, "b"}, (Object[]) got[2]);
      assertEquals(0, ((String[]) roundTrip(new String[0])).length);
    }
  }

  @Test
  void repliesWithFailuresAndStackTracesRoundTrip() throws IOException {
    IllegalStateException e = new IllegalStateException("boom");
    Messages.Reply got = (Messages.Reply) roundTrip(new Messages.Reply(3, 1, null, Messages.RemoteFailure.of(e),
        new Object[] {new int[] {1}, null}));
    assertEquals(1, got.rank());
    assertNull(got.value());
    assertEquals("boom", got.failure().message());
    assertArrayEquals(e.getStackTrace(), got.failure().stack());
    assertArrayEquals(new int[] {1}, (int[]) got.writeBacks()[0]);
    Messages.WorkerStats stats = (Messages.WorkerStats) roundTrip(new Messages.WorkerStats(1, 2, 3, 4, new long[] {5}, 6, new String[] {"workerRows"}, new long[] {7}));
    assertEquals(4, stats.specializationsReused());
    assertEquals(6, stats.loopIndexes());
    assertArrayEquals(new long[] {7}, stats.frameCounterValues());
    Messages.DefineClasses classes = (Messages.DefineClasses) roundTrip(
        new Messages.DefineClasses(new String[] {"REPL.$JShell$11"}, new byte[][] {{(byte) 0xca, (byte) 0xfe}}));
    assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe}, classes.bytes()[0]);
    assertEquals(Messages.Shutdown.class, roundTrip(new Messages.Shutdown()).getClass());
    Messages.FrameChunk chunk = (Messages.FrameChunk) roundTrip(new Messages.FrameChunk(
        new Messages.FrameValue(new byte[] {1, 2, 3}, true, new String[] {"a"}, "s"), 10, 4));
    assertArrayEquals(new byte[] {1, 2, 3}, chunk.block().frame());
    assertEquals("s", chunk.block().name());
    assertEquals(4, chunk.start());
  }

  @Test
  void otherTypesAreNotEncodable() {
    assertFalse(WireCodec.encodable(new ArrayList<>()));
    assertFalse(WireCodec.encodable(new Object[] {new Object[] {new StringBuilder()}}));
    assertFalse(WireCodec.encodable(new Messages.Call(1, "k", new Object[] {Thread.State.NEW})));
    assertFalse(WireCodec.encodable(new java.util.List<?>[0]));
    assertFalse(WireCodec.encodable(new java.math.BigDecimal("1")));
    assertFalse(WireCodec.encodable(new Messages.Reply(1, 0, new Object[] {1L, new Object[] {new StringBuilder()}}, null)));
    assertFalse(WireCodec.encodable(new Messages.Reply(1, 0, null, null, new Object[] {new java.util.HashMap<>()})));
    Object[] self = new Object[2];
    self[0] = self;
    self[1] = new StringBuilder();
    assertFalse(WireCodec.encodable(self));
    self[1] = new Messages.LazyRef(1);
    assertTrue(WireCodec.encodable(self));
    assertFalse(WireCodec.encodable(new Messages.Call(1, "k", new java.util.List<?>[0])));
    assertFalse(WireCodec.encodable(new Messages.Reply(1, 0, new StringBuilder(), null)));
    assertTrue(WireCodec.encodable(new Messages.Reply(1, 0, 5L, null, new Object[] {null, new double[1]})));
  }

  /** The per-call records are written by hand, component by component: the same bytes as by their shape. */
  @Test
  void callsAndRepliesAreWrittenAsTheirShapeWouldBe() throws IOException {
    Object[] shared = {1L, "x"};
    Object[] messages = {
        new Messages.Call(7, "a.B.m(J)J", new Object[] {5L, shared, shared, new double[] {1}}, new String[] {"a/B.x:I"},
            new Object[] {42, "mode"}, new boolean[] {true, false}, new Messages.Receiver("a.B", new String[] {"f"},
            new Object[] {new double[] {1}})),
        new Messages.Call(8, "a.B.m()V", new Object[0]),
        new Messages.Reply(3, 1, 9L, null, new Object[] {new long[] {1, 2}, null}),
        new Messages.Reply(4, 0, null, Messages.RemoteFailure.of(new IllegalStateException("boom"))),
        new Object[] {new Messages.Reply(5, 0, "v", null), new Messages.Call(9, "k", new Object[] {"v"})}};
    for (Object m : messages) {
      ByteArrayOutputStream direct = new ByteArrayOutputStream();
      ByteArrayOutputStream byShape = new ByteArrayOutputStream();
      try (DataOutputStream a = new DataOutputStream(direct); DataOutputStream b = new DataOutputStream(byShape)) {
        new WireCodec().write(a, m);
        new WireCodec().writeByShape(b, m);
      }
      assertArrayEquals(byShape.toByteArray(), direct.toByteArray(), String.valueOf(m));
    }
    assertEquals(java.util.List.of("id", "methodKey", "args", "staticNames", "staticValues", "writeBack", "receiver"),
        java.util.Arrays.stream(Messages.Call.class.getRecordComponents()).map(c -> c.getName()).toList(),
        "WireCodec writes a Call's components by hand: update it with the record");
    assertEquals(java.util.List.of("id", "rank", "value", "failure", "writeBacks"),
        java.util.Arrays.stream(Messages.Reply.class.getRecordComponents()).map(c -> c.getName()).toList(),
        "WireCodec writes a Reply's components by hand: update it with the record");
  }

  @Test
  void malformedInputIsRejectedWithoutInstantiatingAnything() throws IOException {
    assertThrows(IOException.class, () -> decode(new byte[] {99}));
    assertThrows(IOException.class, () -> decode(new byte[] {13, 100})); // record index out of range
    // A reference array naming a class outside the known set.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(12);
    byte[] name = "[Ljava.util.ArrayList;".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeShort(name.length);
    out.write(name);
    out.writeInt(0);
    IOException e = assertThrows(IOException.class, () -> decode(bytes.toByteArray()));
    assertTrue(e.getMessage().contains("rejected"), e.getMessage());
    // A String[] holding something else.
    bytes.reset();
    out.writeByte(12);
    name = "[Ljava.lang.String;".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeShort(name.length);
    out.write(name);
    out.writeInt(1);
    out.writeByte(7);
    out.writeLong(5);
    e = assertThrows(IOException.class, () -> decode(bytes.toByteArray()));
    assertTrue(e.getMessage().contains("rejected"), e.getMessage());
    // A component of the wrong type.
    byte[] good = encode(new Messages.LazyResult(1, 2, new String[] {"a"}, new String[] {"f64"}, new byte[0]));
    byte[] tampered = good.clone();
    int namesTag = 2 + 8 + 8; // RECORD, index, id, rows: then the names array
    assertEquals(12, tampered[namesTag]);
    tampered[namesTag] = 7; // a long where a String[] belongs
    assertThrows(IOException.class, () -> decode(tampered));
  }

  @Test
  void oneCodecKeepsPoolingRightOverManyMessages() throws IOException {
    WireCodec sender = new WireCodec();
    WireCodec receiver = new WireCodec();
    for (int k = 0; k < 3 * 8; k++) { // more distinct strings than the codecs remember
      String built = new StringBuilder("bui").append("lt").append(k % 10).toString();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      sender.write(out, new Object[] {"double", built, ("lit" + k).intern()});
      out.flush();
      Object[] got = (Object[]) receiver.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      assertSame("double", got[0]);
      assertEquals(built, got[1]);
      assertFalse(got[1] == built.intern(), "a built string stays one of its own, message after message");
      assertSame(("lit" + k).intern(), got[2]);
    }
  }

  @Test
  void aPooledStringArrivesAsThePooledObjectAndABuiltOneDoesNot() throws IOException {
    String built = new StringBuilder("dou").append("ble").toString();
    Object[] got = (Object[]) roundTrip(new Object[] {"double", built, new String[] {"triple"}});
    assertSame("double", got[0], "a literal sent is the receiver's literal: mode == \"double\" holds there too");
    assertEquals("double", got[1]);
    assertFalse(got[1] == "double", "a string built at run time stays a string of its own");
    assertFalse(((String[]) got[2])[0] == "triple", "elements of a String[] are not looked up in the pool");
  }

  @Test
  void askingWhetherAStringIsPooledNeverPoolsIt() {
    String built = new StringBuilder("not-yet-").append("pooled").toString();
    assertFalse(WireCodec.pooled(built));
    assertFalse(WireCodec.pooled(built), "the first question pooled a copy, not the string asked about");
    assertTrue(WireCodec.pooled("a literal"));
  }
}
