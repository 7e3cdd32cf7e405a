package dev.parjit.mpi.launch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The niodev rendezvous server (the part of MPJ's {@code MPJRun} that ranks talk to in
 * {@code MPI.Init}): each rank connects and sends {@code writeUTF("Sending Info")}, its write
 * port, read port and rank; once all N have arrived every rank gets
 * {@code "#Peer Information;ip@rport@wport@rank@0;..."} in rank order, and the server closes.
 * Bound to the loopback interface on an ephemeral port.
 */
final class Rendezvous implements AutoCloseable {

  private record Peer(String ip, int writePort, int readPort, int rank, Socket socket) { }

  private final ServerSocket server;
  private final int size;
  private final Thread thread;
  private volatile IOException failure;

  Rendezvous(int size) throws IOException {
    this.size = size;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), size);
    this.thread = new Thread(this::serve, "parjit-rendezvous-" + port());
    thread.setDaemon(true);
    thread.start();
  }

  String host() {
    return server.getInetAddress().getHostAddress();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    List<Peer> peers = new ArrayList<>();
    try {
      Peer[] byRank = new Peer[size];
      while (peers.size() < size) {
        Socket s = server.accept();
        DataInputStream in = new DataInputStream(s.getInputStream());
        String hello = in.readUTF();
        if (!"Sending Info".equals(hello)) {
          s.close();
          continue; // not a rank: ignore it
        }
        int wport = in.readInt();
        int rport = in.readInt();
        int rank = in.readInt();
        if (rank < 0 || rank >= size || byRank[rank] != null) {
          s.close();
          continue;
        }
        Peer p = new Peer(s.getInetAddress().getHostAddress(), wport, rport, rank, s);
        byRank[rank] = p;
        peers.add(p);
      }
      StringBuilder info = new StringBuilder("#Peer Information");
      for (Peer p : byRank) {
        info.append(';').append(p.ip()).append('@').append(p.readPort()).append('@')
            .append(p.writePort()).append('@').append(p.rank()).append("@0");
      }
      for (Peer p : byRank) {
        DataOutputStream out = new DataOutputStream(p.socket().getOutputStream());
        out.writeUTF(info.toString());
        out.flush();
      }
    } catch (IOException e) {
      if (!server.isClosed()) {
        failure = e;
      }
    } finally {
      for (Peer p : peers) {
        try {
          p.socket().close();
        } catch (IOException ignored) {
          // closing
        }
      }
      try {
        server.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  /** A problem the server met, or {@code null}. */
  IOException failure() {
    return failure;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
