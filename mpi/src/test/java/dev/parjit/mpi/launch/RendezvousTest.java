package dev.parjit.mpi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The niodev rendezvous protocol, with fake ranks arriving out of order. */
class RendezvousTest {

  private static String join(String host, int port, int wport, int rport, int rank) {
    try (Socket s = new Socket(host, port)) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeUTF("Sending Info");
      out.writeInt(wport);
      out.writeInt(rport);
      out.writeInt(rank);
      out.flush();
      return new DataInputStream(s.getInputStream()).readUTF();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyRankGetsAllPeersInRankOrderOnceAllArrived() throws Exception {
    try (Rendezvous rdv = new Rendezvous(3)) {
      assertEquals("127.0.0.1", rdv.host());
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (int rank : new int[] {2, 0, 1}) {
        answers.add(CompletableFuture.supplyAsync(() -> join(rdv.host(), rdv.port(), 30000 + rank, 31000 + rank, rank)));
      }
      String expected = "#Peer Information;127.0.0.1@31000@30000@0@0;127.0.0.1@31001@30001@1@0;127.0.0.1@31002@30002@2@0";
      for (CompletableFuture<String> a : answers) {
        assertEquals(expected, a.get(10, TimeUnit.SECONDS));
      }
    }
  }

  @Test
  void strangersAreIgnored() throws Exception {
    try (Rendezvous rdv = new Rendezvous(1)) {
      try (Socket s = new Socket(rdv.host(), rdv.port())) {
        new DataOutputStream(s.getOutputStream()).writeUTF("hello?");
        assertEquals(-1, s.getInputStream().read(), "the server hangs up on a stranger");
      }
      assertEquals("#Peer Information;127.0.0.1@2@1@0@0", join(rdv.host(), rdv.port(), 1, 2, 0));
    }
  }
}
