package dev.parjit.agent.spawn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.mpi.launch.JobSecret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChannelTest {

  private static final JobSecret SECRET = JobSecret.generate();

  private static Channel.Accepted pair(ServerSocket server, JobSecret offered, int rank, Channel[] workerSide) throws Exception {
    CompletableFuture<Channel> worker = CompletableFuture.supplyAsync(() -> {
      try {
        return Channel.connect(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()), offered, rank);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    Channel.Accepted accepted = Channel.accept(server.accept(), SECRET);
    workerSide[0] = worker.get(10, TimeUnit.SECONDS);
    return accepted;
  }

  @Test
  void callsAndRepliesRoundTrip() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Channel[] worker = new Channel[1];
      Channel.Accepted driver = pair(server, SECRET, 2, worker);
      assertNotNull(driver);
      assertEquals(2, driver.rank());
      double[][] matrix = {{1, 2}, {3}};
      driver.channel().send(new Messages.Call(7, "a.B.m([[DJ)V", new Object[] {matrix, 5L, "s", true}));
      Messages.Call call = (Messages.Call) worker[0].receive();
      assertEquals(7, call.id());
      assertArrayEquals(matrix, (double[][]) call.args()[0]);
      assertEquals(5L, call.args()[1]);
      worker[0].send(new Messages.Reply(7, 2, null, Messages.RemoteFailure.of(new IllegalStateException("x"))));
      Messages.Reply reply = (Messages.Reply) driver.channel().receive();
      assertEquals("java.lang.IllegalStateException", reply.failure().type());
      Throwable rebuilt = RemoteExceptions.rebuild(reply.failure());
      assertEquals(IllegalStateException.class, rebuilt.getClass());
      assertEquals("x", rebuilt.getMessage());
      driver.channel().close();
      worker[0].close();
    }
  }

  @Test
  void aWrongSecretIsRejected() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Channel> worker = CompletableFuture.supplyAsync(() -> {
        try {
          return Channel.connect(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()), JobSecret.generate(), 0);
        } catch (IOException e) {
          return null; // the driver hung up: what an impostor should see
        }
      });
      assertNull(Channel.accept(server.accept(), SECRET));
      assertNull(worker.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aWorkerCanTellWhichResultsTheDriverWouldRead() {
    assertTrue(Channel.carries(new double[] {1, 2}));
    assertTrue(Channel.carries(new Object[] {1.5, "x", new int[] {3}}));
    assertTrue(Channel.carries(new double[][] {{1}, {2, 3}}));
    assertTrue(!Channel.carries(new ArrayList<>(java.util.List.of(1))), "a JDK collection is refused on arrival");
    assertTrue(!Channel.carries(new Object[] {new java.util.HashMap<String, Integer>()}), "so is one inside an array");
    assertTrue(!Channel.carries(new Object()), "not serializable at all");
  }

  @Test
  void classesOutsideTheAllowListAreRefused() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Channel[] worker = new Channel[1];
      Channel.Accepted driver = pair(server, SECRET, 0, worker);
      driver.channel().send(new Messages.Call(1, "k", new Object[] {new ArrayList<>(java.util.List.of(1))}));
      IOException e = assertThrows(IOException.class, () -> worker[0].receive());
      assertTrue(e.getMessage().contains("rejected"), e.getMessage());
      driver.channel().close();
      worker[0].close();
    }
  }

  @Test
  void applicationExceptionTypesAreNotInstantiated() {
    Throwable t = RemoteExceptions.rebuild(new Messages.RemoteFailure("com.acme.Boom", "m", new StackTraceElement[0]));
    assertEquals(WorkerException.class, t.getClass());
    assertEquals("com.acme.Boom: m", t.getMessage());
  }

  @Test
  void aSerializedMessageKeepsNaNPayloadsOfBoxedAndArrayFloatingValues() throws Exception {
    double nan = Double.longBitsToDouble(0x7ff8_0000_0000_0badL);
    float fnan = Float.intBitsToFloat(0x7fc0_0bad);
    Double shared = nan;
    // An Enum[] is outside the wire codec: the whole message travels by Java serialization.
    Object[] args = {shared, fnan, new double[] {1, nan, -0.0}, new float[] {fnan}, new Number[] {shared, 2.5}, new Enum<?>[0], 1.5};
    assertTrue(!WireCodec.encodable(new Messages.Call(3, "k", args)), "the serialized path is the one under test");
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Channel[] worker = new Channel[1];
      Channel.Accepted driver = pair(server, SECRET, 0, worker);
      driver.channel().send(new Messages.Call(3, "k", args));
      Object[] got = ((Messages.Call) worker[0].receive()).args();
      assertEquals(0x7ff8_0000_0000_0badL, Double.doubleToRawLongBits((Double) got[0]));
      assertEquals(0x7fc0_0bad, Float.floatToRawIntBits((Float) got[1]));
      double[] d = (double[]) got[2];
      assertEquals(0x7ff8_0000_0000_0badL, Double.doubleToRawLongBits(d[1]));
      assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(d[2]));
      assertEquals(1.0, d[0]);
      assertEquals(0x7fc0_0bad, Float.floatToRawIntBits(((float[]) got[3])[0]));
      Number[] numbers = (Number[]) got[4];
      assertTrue(numbers[0] == got[0], "one boxed value referenced twice stays one object");
      assertEquals(2.5, numbers[1]);
      assertEquals(1.5, got[6]);
      driver.channel().close();
      worker[0].close();
    }
  }
}
