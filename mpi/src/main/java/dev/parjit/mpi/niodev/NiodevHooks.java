package dev.parjit.mpi.niodev;

import dev.parjit.mpi.launch.JobSecret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;

/**
 * What the patched {@code xdev.niodev.NIODevice} calls instead of its own code (see
 * {@link NiodevPatch}). Public only because MPJ's class calls it; set once per process by
 * {@link #configure} before {@code MPI.Init}.
 */
public final class NiodevHooks {

  /** The purpose the rendezvous verifies; the same string as the launcher's. */
  public static final String RENDEZVOUS_PURPOSE = "parjit-rendezvous";

  private static final int CONNECT_TIMEOUT_MS = 10_000;

  private static volatile InetAddress bindAddress;
  private static volatile JobSecret secret;

  private NiodevHooks() { }

  /** The address this rank's niodev ports bind (and its rendezvous connection comes from), and the job's secret. */
  public static void configure(InetAddress bind, JobSecret jobSecret) {
    bindAddress = bind;
    secret = jobSecret;
  }

  /** The address niodev's ports are bound to in this process, or {@code null} before {@link #configure}. */
  public static InetAddress bindAddress() {
    return bindAddress;
  }

  /**
   * Replaces {@code NIODevice.bindPort}: MPJ binds a random port in 25000–40000 on every
   * interface; Parjit binds an ephemeral port on the chosen address only.
   */
  public static int bindPort(ServerSocketChannel channel) throws IOException {
    channel.bind(new InetSocketAddress(configured(), 0));
    return channel.socket().getLocalPort();
  }

  /**
   * Replaces {@code new Socket(serverName, serverPort)} in {@code NIODevice.init}: connects from
   * the bound address (so the rendezvous advertises the address the ports listen on) and proves
   * the job's secret before MPJ sends its hello.
   */
  public static Socket connectRendezvous(String host, int port) throws IOException {
    InetAddress from = configured();
    try {
      return secret.connectProving(() -> {
        Socket s = new Socket();
        try {
          s.bind(new InetSocketAddress(from, 0));
          s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
          return s;
        } catch (IOException e) {
          s.close();
          throw e;
        }
      }, RENDEZVOUS_PURPOSE, CONNECT_TIMEOUT_MS);
    } catch (IOException e) {
      throw new IOException("cannot join the rendezvous at " + host + ":" + port + " from " + from.getHostAddress()
          + ": " + e.getMessage(), e);
    }
  }

  private static InetAddress configured() {
    InetAddress a = bindAddress;
    if (a == null || secret == null) {
      throw new IllegalStateException("niodev started without Parjit's configuration (NiodevHooks.configure)");
    }
    return a;
  }
}
