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
 * {@code MPI.Init}). A connection first proves the job's secret ({@link AuthenticatingAcceptor};
 * the rank's side is {@code NiodevHooks.connectRendezvous}); then MPJ's own protocol: the rank
 * sends {@code writeUTF("Sending Info")}, its write port, read port and rank; once all N have
 * arrived every rank gets {@code "#Peer Information;ip@rport@wport@rank@0;..."} in rank order, and
 * the server closes. A rank's ip is the address its connection came from: the interface it
 * bound. Anything else (no proof, a bad hello, a rank out of range or twice) is dropped without
 * affecting the launch. Bound to the given address (loopback for single-host runs), ephemeral port.
 */
final class Rendezvous implements AutoCloseable {

  /** Handshake purpose: a proof for the rendezvous is worthless on the driver's channel. */
  static final String PURPOSE = dev.parjit.mpi.niodev.NiodevHooks.RENDEZVOUS_PURPOSE;

  private static final int PROVEN_PEER_TIMEOUT_MS = 10_000;

  private record Peer(String ip, int writePort, int readPort, int rank, Socket socket) { }

  private final ServerSocket server;
  private final int size;
  private final Peer[] byRank;
  private final AuthenticatingAcceptor acceptor;
  private int joined;
  private boolean answered;

  Rendezvous(int size, JobSecret secret) throws IOException {
    this(size, secret, InetAddress.getLoopbackAddress());
  }

  Rendezvous(int size, JobSecret secret, InetAddress bindAddress) throws IOException {
    this.size = size;
    this.byRank = new Peer[size];
    this.server = new ServerSocket();
    // Room in the backlog for strangers as well as ranks: the accept loop hands each one off at once.
    server.bind(new InetSocketAddress(bindAddress, 0), Math.min(size, 1024) + AuthenticatingAcceptor.MAX_PENDING);
    this.acceptor = new AuthenticatingAcceptor(server, secret, PURPOSE, this::join);
  }

  String host() {
    return server.getInetAddress().getHostAddress();
  }

  int port() {
    return server.getLocalPort();
  }

  /** On a handshake thread: MPJ's hello from a rank that proved the secret. */
  private void join(Socket s) {
    Peer p;
    try {
      s.setSoTimeout(PROVEN_PEER_TIMEOUT_MS); // a rank that proved the secret: a loaded machine may pause it
      DataInputStream in = new DataInputStream(s.getInputStream());
      if (!"Sending Info".equals(in.readUTF())) {
        AuthenticatingAcceptor.closeQuietly(s);
        return;
      }
      int wport = in.readInt();
      int rport = in.readInt();
      int rank = in.readInt();
      s.setSoTimeout(0);
      p = new Peer(s.getInetAddress().getHostAddress(), wport, rport, rank, s);
    } catch (IOException e) {
      AuthenticatingAcceptor.closeQuietly(s);
      return;
    }
    List<Peer> all;
    synchronized (this) {
      if (answered || p.rank() < 0 || p.rank() >= size || byRank[p.rank()] != null) {
        AuthenticatingAcceptor.closeQuietly(s);
        return;
      }
      byRank[p.rank()] = p;
      joined++;
      notifyAll();
      if (joined < size) {
        return;
      }
      answered = true;
      all = List.of(byRank);
    }
    acceptor.close();
    answer(all);
  }

  private static void answer(List<Peer> all) {
    StringBuilder info = new StringBuilder("#Peer Information");
    for (Peer p : all) {
      info.append(';').append(p.ip()).append('@').append(p.readPort()).append('@')
          .append(p.writePort()).append('@').append(p.rank()).append("@0");
    }
    for (Peer p : all) {
      try {
        DataOutputStream out = new DataOutputStream(p.socket().getOutputStream());
        out.writeUTF(info.toString());
        out.flush();
      } catch (IOException e) {
        // that rank is gone: the launcher sees its process end
      } finally {
        AuthenticatingAcceptor.closeQuietly(p.socket());
      }
    }
  }

  /** Whether {@code rank} has joined. */
  synchronized boolean joined(int rank) {
    return byRank[rank] != null;
  }

  /** Whether every rank has joined (and been answered). */
  synchronized boolean complete() {
    return answered;
  }

  /** Connections dropped so far. */
  int rejected() {
    return acceptor.rejected();
  }

  @Override
  public void close() {
    acceptor.close();
    List<Peer> left = new ArrayList<>();
    synchronized (this) {
      if (!answered) {
        for (Peer p : byRank) {
          if (p != null) {
            left.add(p);
          }
        }
      }
    }
    left.forEach(p -> AuthenticatingAcceptor.closeQuietly(p.socket()));
  }
}
