package dev.parjit.mpi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The challenge-response handshake, and the secret's line on a rank's standard input. */
class JobSecretTest {

  private static boolean handshake(JobSecret server, JobSecret client, String serverPurpose, String clientPurpose)
      throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Boolean> verified = CompletableFuture.supplyAsync(() -> {
        try (Socket s = ss.accept()) {
          return server.verify(s, serverPurpose);
        } catch (Exception e) {
          return false;
        }
      });
      try (Socket c = new Socket(ss.getInetAddress(), ss.getLocalPort())) {
        boolean accepted;
        try {
          client.prove(c, clientPurpose, 5000);
          accepted = true;
        } catch (ProofRefusedException e) {
          accepted = false;
        }
        boolean ok = verified.get(5, TimeUnit.SECONDS);
        assertEquals(ok, accepted, "the prover learns what the verifier decided");
        return ok;
      }
    }
  }

  @Test
  void onlyTheSameSecretForTheSamePurposePasses() throws Exception {
    JobSecret s = JobSecret.generate();
    assertTrue(handshake(s, s, "p", "p"));
    assertTrue(handshake(s, JobSecret.decode(s.encoded()), "p", "p"));
    assertFalse(handshake(s, JobSecret.generate(), "p", "p"));
    assertFalse(handshake(s, s, "parjit-rendezvous", "parjit-driver"), "a proof for one port is worthless on the other");
  }

  @Test
  void aSilentPeerIsGivenUpWithinTheHandshakeTimeout() throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         Socket c = new Socket(ss.getInetAddress(), ss.getLocalPort());
         Socket s = ss.accept()) {
      long t0 = System.nanoTime();
      assertFalse(JobSecret.generate().verify(s, "p"));
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(ms >= JobSecret.HANDSHAKE_TIMEOUT_MS - 50 && ms < 1000, ms + " ms");
    }
  }

  @Test
  void aProofDroppedForBeingLateIsMadeAgainOnAFreshConnection() throws Exception {
    JobSecret s = JobSecret.generate();
    try (ServerSocket ss = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Boolean> server = CompletableFuture.supplyAsync(() -> {
        try {
          // The first connection gets its challenge, then is dropped, as by a verifier that stopped waiting.
          try (Socket first = ss.accept()) {
            first.getOutputStream().write(new byte[32]);
            first.getOutputStream().flush();
          }
          try (Socket second = ss.accept()) {
            return s.verify(second, "p");
          }
        } catch (Exception e) {
          return false;
        }
      });
      int[] opened = {0};
      try (Socket c = s.connectProving(() -> {
        opened[0]++;
        return new Socket(ss.getInetAddress(), ss.getLocalPort());
      }, "p", 5000)) {
        assertTrue(server.get(10, TimeUnit.SECONDS));
        assertEquals(2, opened[0]);
      }
    }
  }

  @Test
  void aWrongSecretGivesUpAfterTheAttempts() throws Exception {
    JobSecret s = JobSecret.generate();
    try (ServerSocket ss = new ServerSocket(0, JobSecret.PROOF_ATTEMPTS, InetAddress.getLoopbackAddress())) {
      CompletableFuture.runAsync(() -> {
        for (int k = 0; k < JobSecret.PROOF_ATTEMPTS; k++) {
          try (Socket t = ss.accept()) {
            s.verify(t, "p");
          } catch (Exception e) {
            return;
          }
        }
      });
      int[] opened = {0};
      assertThrows(ProofRefusedException.class, () -> JobSecret.generate().connectProving(() -> {
        opened[0]++;
        return new Socket(ss.getInetAddress(), ss.getLocalPort());
      }, "p", 5000));
      assertEquals(JobSecret.PROOF_ATTEMPTS, opened[0]);
    }
  }

  @Test
  void theSecretLineIsReadWithoutConsumingWhatFollows() throws Exception {
    JobSecret s = JobSecret.generate();
    ByteArrayInputStream in = new ByteArrayInputStream((s.encoded() + "\nrest").getBytes(StandardCharsets.US_ASCII));
    assertEquals(s.encoded(), RankEnvironment.readSecretLine(in).encoded());
    assertEquals('r', in.read());
    assertThrows(IllegalStateException.class, () -> RankEnvironment.readSecretLine(new ByteArrayInputStream(new byte[0])));
    assertThrows(IllegalArgumentException.class, () -> JobSecret.decode("not hex"));
    assertFalse(s.toString().contains(s.encoded()), "never printed");
  }
}
