package dev.parjit.agent.spawn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * One side of a driver–worker connection: a hello that proves the per-job secret, then Java
 * serialization restricted by an {@link ObjectInputFilter} allow-list (primitives, their arrays,
 * strings, Parjit's messages and stack trace elements): a process that does not know the secret
 * cannot talk to a worker, and no message can make either side instantiate other classes.
 */
public final class Channel implements AutoCloseable {

  static final Set<String> ALLOWED = Set.of(
      "java.lang.String", "java.lang.Number", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
      "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean",
      "java.lang.StackTraceElement", "java.lang.Enum", "java.lang.Record",
      Messages.Call.class.getName(), Messages.Chunk.class.getName(), Messages.Shutdown.class.getName(), Messages.Reply.class.getName(),
      Messages.RemoteFailure.class.getName(), Messages.FrameValue.class.getName(), Messages.FrameChunk.class.getName(), Messages.LazyResult.class.getName(),
      Messages.LazyRef.class.getName(), Messages.Fetch.class.getName(), Messages.Free.class.getName(),
      Messages.StatsRequest.class.getName(), Messages.WorkerStats.class.getName(), Messages.Receiver.class.getName(),
      Messages.Resident.class.getName(), Messages.ResidentRef.class.getName(), Messages.DropResident.class.getName());

  /** The allow-list as a filter: arrays are judged by their component type. */
  static final ObjectInputFilter FILTER = info -> {
    Class<?> c = info.serialClass();
    if (c == null) {
      return ObjectInputFilter.Status.UNDECIDED;
    }
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c.isPrimitive() || ALLOWED.contains(c.getName()) || c == Object.class
        ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
  };

  private final Socket socket;
  private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
  private final ObjectOutputStream out;
  private final ObjectInputStream in;

  private Channel(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    this.out = new ObjectOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
    out.flush();
    this.in = new ObjectInputStream(new BufferedInputStream(new java.io.FilterInputStream(socket.getInputStream()) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          received.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          received.addAndGet(n);
        }
        return n;
      }
    }, 1 << 16));
    in.setObjectInputFilter(FILTER);
  }

  /** Worker side: sends the secret and the rank, then opens the object streams. */
  public static Channel connect(Socket socket, String secret, int rank) throws IOException {
    DataOutputStream hello = new DataOutputStream(socket.getOutputStream());
    hello.writeUTF(secret);
    hello.writeInt(rank);
    hello.flush();
    return new Channel(socket);
  }

  /** A connection that proved the secret, with the rank it announced. */
  public record Accepted(Channel channel, int rank) { }

  /** Driver side: reads the hello; a wrong secret closes the socket and answers {@code null}. */
  public static Accepted accept(Socket socket, String secret) throws IOException {
    socket.setSoTimeout(10_000); // a silent peer must not hold the accept loop
    DataInputStream hello = new DataInputStream(socket.getInputStream());
    String offered;
    int rank;
    try {
      offered = hello.readUTF();
      rank = hello.readInt();
    } catch (IOException e) {
      socket.close();
      return null;
    }
    if (!MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
      socket.close();
      return null;
    }
    socket.setSoTimeout(0);
    return new Accepted(new Channel(socket), rank);
  }

  public synchronized void send(Object message) throws IOException {
    out.writeObject(message);
    out.reset(); // do not keep references to (possibly large) arguments between calls
    out.flush();
  }

  public Object receive() throws IOException {
    try {
      return in.readObject();
    } catch (ClassNotFoundException | InvalidClassException e) {
      throw new IOException("rejected message: " + e.getMessage(), e);
    }
  }

  /** Bytes read from the socket since the last call (counts what the peer sent here). */
  public long takeBytesReceived() {
    return received.getAndSet(0);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
