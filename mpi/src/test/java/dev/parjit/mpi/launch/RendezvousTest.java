package dev.parjit.mpi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The niodev rendezvous protocol behind the job secret, with fake ranks arriving out of order,
 * and connections that do not know the secret: they are dropped and the launch goes on.
 */
class RendezvousTest {

  private static final JobSecret SECRET = JobSecret.generate();

  private static String join(Rendezvous rdv, JobSecret secret, int wport, int rport, int rank) {
    try (Socket s = new Socket(rdv.host(), rdv.port())) {
      secret.prove(s, Rendezvous.PURPOSE, 5000);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeUTF("Sending Info");
      out.writeInt(wport);
      out.writeInt(rport);
      out.writeInt(rank);
      out.flush();
      return new DataInputStream(s.getInputStream()).readUTF();
    } catch (IOException e) {
      return "closed: " + e.getMessage();
    }
  }

  /** Whether the server hung up on the connection (end of stream or reset) within 2 s. */
  private static boolean hungUp(Socket s) throws IOException {
    s.setSoTimeout(2000);
    try {
      DataInputStream in = new DataInputStream(s.getInputStream());
      in.readFully(new byte[32]); // the challenge
      return in.read() == -1;
    } catch (java.io.EOFException | java.net.SocketException e) {
      return true;
    }
  }

  @Test
  void everyRankGetsAllPeersInRankOrderOnceAllArrived() throws Exception {
    try (Rendezvous rdv = new Rendezvous(3, SECRET)) {
      assertEquals("127.0.0.1", rdv.host());
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (int rank : new int[] {2, 0, 1}) {
        answers.add(CompletableFuture.supplyAsync(() -> join(rdv, SECRET, 30000 + rank, 31000 + rank, rank)));
      }
      String expected = "#Peer Information;127.0.0.1@31000@30000@0@0;127.0.0.1@31001@30001@1@0;127.0.0.1@31002@30002@2@0";
      for (CompletableFuture<String> a : answers) {
        assertEquals(expected, a.get(10, TimeUnit.SECONDS));
      }
      assertTrue(rdv.complete());
    }
  }

  @Test
  void garbageWrongSecretsAndSilenceAreDroppedWithoutDelayingTheRanks() throws Exception {
    try (Rendezvous rdv = new Rendezvous(2, SECRET)) {
      // A silent connection held open, garbage, MPJ's plain hello without a proof, a wrong secret.
      try (Socket silent = new Socket(rdv.host(), rdv.port());
           Socket garbage = new Socket(rdv.host(), rdv.port());
           Socket plain = new Socket(rdv.host(), rdv.port())) {
        OutputStream g = garbage.getOutputStream();
        g.write(new byte[] {(byte) 0xde, (byte) 0xad, 0, 7, 'x'});
        g.write(new byte[64]);
        g.flush();
        DataOutputStream p = new DataOutputStream(plain.getOutputStream());
        p.writeUTF("Sending Info");
        p.writeInt(1);
        p.writeInt(2);
        p.writeInt(0);
        p.flush();
        assertTrue(join(rdv, JobSecret.generate(), 1, 2, 0).startsWith("closed"), "a wrong secret gets no peer list");
        long t0 = System.nanoTime();
        CompletableFuture<String> r0 = CompletableFuture.supplyAsync(() -> join(rdv, SECRET, 1, 2, 0));
        CompletableFuture<String> r1 = CompletableFuture.supplyAsync(() -> join(rdv, SECRET, 3, 4, 1));
        String expected = "#Peer Information;127.0.0.1@2@1@0@0;127.0.0.1@4@3@1@0";
        assertEquals(expected, r0.get(10, TimeUnit.SECONDS));
        assertEquals(expected, r1.get(10, TimeUnit.SECONDS));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 1000, "the ranks were not held up by the silent connection: " + ms + " ms");
        assertTrue(hungUp(garbage), "garbage is hung up on");
        assertTrue(hungUp(plain), "an unauthenticated hello is hung up on");
        assertTrue(hungUp(silent), "a silent connection is hung up on after the handshake time-out");
        assertTrue(rdv.rejected() >= 4, "rejected " + rdv.rejected());
      }
    }
  }

  @Test
  void aRankOutOfRangeOrTwiceIsDropped() throws Exception {
    try (Rendezvous rdv = new Rendezvous(1, SECRET)) {
      assertTrue(join(rdv, SECRET, 1, 2, 5).startsWith("closed"));
      assertEquals("#Peer Information;127.0.0.1@2@1@0@0", join(rdv, SECRET, 1, 2, 0));
    }
  }
}
