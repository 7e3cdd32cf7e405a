package dev.parjit.agent.spawn;

import dev.parjit.mpi.launch.JobSecret;
import dev.parjit.runtime.RawBitsStreams;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.net.Socket;
import java.util.Set;

/**
 * One side of a driver–worker connection: the job's secret proven first ({@link JobSecret}: the
 * driver accepts through an {@link dev.parjit.mpi.launch.AuthenticatingAcceptor}, so nothing is
 * read from a connection that has not proven it), the worker's rank and the driver's welcome, then
 * messages in the {@link WireCodec} encoding, or (for a message holding other types) Java serialization
 * restricted by an {@link ObjectInputFilter} allow-list (primitives, their arrays, strings,
 * Parjit's messages and stack trace elements; floating values by their raw bits, {@link RawBitsStreams}): a process that does not know the secret cannot
 * talk to a worker, and no message can make either side instantiate other classes.
 */
public final class Channel implements AutoCloseable {

  /** Handshake purpose: a proof for the driver's channel is worthless at the rendezvous. */
  public static final String PURPOSE = "parjit-driver";

  private static final int PROVEN_PEER_TIMEOUT_MS = 10_000;

  static final Set<String> ALLOWED = Set.of(
      "java.lang.String", "java.lang.Number", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
      "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean",
      "java.lang.StackTraceElement", "java.lang.Enum", "java.lang.Record",
      Messages.Call.class.getName(), Messages.Chunk.class.getName(), Messages.Shutdown.class.getName(), Messages.Reply.class.getName(),
      Messages.RemoteFailure.class.getName(), Messages.FrameValue.class.getName(), Messages.FrameChunk.class.getName(), Messages.LazyResult.class.getName(),
      Messages.LazyRef.class.getName(), Messages.Fetch.class.getName(), Messages.Free.class.getName(),
      Messages.StatsRequest.class.getName(), Messages.WorkerStats.class.getName(), Messages.Receiver.class.getName(),
      Messages.Resident.class.getName(), Messages.ResidentRef.class.getName(), Messages.DropResident.class.getName(),
      Messages.DefineClasses.class.getName(), Messages.HoldOutput.class.getName(), Messages.Verdict.class.getName(),
      Messages.RowsBlock.class.getName());

  /** The allow-list as a filter: arrays are judged by their component type. */
  static final ObjectInputFilter FILTER = info -> {
    Class<?> c = info.serialClass();
    if (c == null) {
      return ObjectInputFilter.Status.UNDECIDED;
    }
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c.isPrimitive() || ALLOWED.contains(c.getName()) || c == Object.class || RawBitsStreams.isCarrier(c)
        ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
  };

  /** First byte of a message: how the rest is encoded. */
  private static final byte WIRE = 'W';
  private static final byte SERIALIZED = 'J';

  private final Socket socket;
  private final ChannelInput input;
  private final DataOutputStream out;
  private final DataInputStream in;
  private final WireCodec sendCodec = new WireCodec();
  private final WireCodec receiveCodec = new WireCodec();

  private Channel(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    this.out = new DataOutputStream(new ChannelOutput(socket.getOutputStream(), 1 << 16));
    this.input = new ChannelInput(socket.getInputStream(), 1 << 16);
    this.in = new DataInputStream(input);
  }

  /** The driver's answer to a worker that proved the secret and sent its rank. */
  private static final int WELCOME = 0x50;

  /** Worker side: proves the secret, sends the rank, and waits for the driver's welcome. */
  public static Channel connect(Socket socket, JobSecret secret, int rank) throws IOException {
    secret.prove(socket, PURPOSE, 10_000);
    return hello(socket, rank);
  }

  /**
   * Worker side, as {@link #connect(Socket, JobSecret, int)} on connections {@code opener} makes:
   * a proof the driver dropped because this worker was paused past its wait is made again on a
   * fresh connection ({@link JobSecret#connectProving}).
   */
  public static Channel connect(JobSecret.SocketOpener opener, JobSecret secret, int rank) throws IOException {
    return hello(secret.connectProving(opener, PURPOSE, 10_000), rank);
  }

  private static Channel hello(Socket socket, int rank) throws IOException {
    DataOutputStream hello = new DataOutputStream(socket.getOutputStream());
    hello.writeInt(rank);
    hello.flush();
    if (socket.getInputStream().read() != WELCOME) {
      socket.close();
      throw new IOException("the driver refused this worker's connection");
    }
    return new Channel(socket);
  }

  /** A connection that proved the secret, with the rank it announced. */
  public record Accepted(Channel channel, int rank) { }

  /**
   * Driver side, on a connection that has proven the secret: reads the rank and welcomes the
   * worker; {@code null} (socket closed) when the peer goes quiet or away. A peer that proved the
   * secret is a worker: it gets longer than an unproven one (a loaded machine may pause it).
   */
  public static Accepted afterProof(Socket socket) {
    try {
      socket.setSoTimeout(PROVEN_PEER_TIMEOUT_MS);
      int rank = new DataInputStream(socket.getInputStream()).readInt();
      socket.getOutputStream().write(WELCOME);
      socket.getOutputStream().flush();
      Channel c = new Channel(socket);
      socket.setSoTimeout(0);
      return new Accepted(c, rank);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing
      }
      return null;
    }
  }

  /** Driver side in one step (tests): verifies the proof, then {@link #afterProof}; {@code null} on a bad peer. */
  public static Accepted accept(Socket socket, JobSecret secret) throws IOException {
    if (!secret.verify(socket, PURPOSE)) {
      socket.close();
      return null;
    }
    return afterProof(socket);
  }

  /**
   * Sends one message: with the {@link WireCodec} when it holds only the types that codec knows
   * (every message Parjit sends in practice), else with Java serialization, filtered on receipt.
   */
  public synchronized void send(Object message) throws IOException {
    if (WireCodec.encodable(message)) {
      out.writeByte(WIRE);
      sendCodec.write(out, message);
    } else {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (RawBitsStreams.Output o = RawBitsStreams.output(bytes)) {
        o.writeValue(message);
      }
      out.writeByte(SERIALIZED);
      out.writeInt(bytes.size());
      bytes.writeTo(out);
    }
    out.flush();
  }

  public Object receive() throws IOException {
    byte kind = in.readByte();
    if (kind == WIRE) {
      return receiveCodec.read(in);
    }
    if (kind != SERIALIZED) {
      throw new IOException("rejected message: unknown encoding " + kind);
    }
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("rejected message: negative length");
    }
    byte[] bytes = new byte[n];
    in.readFully(bytes);
    try (RawBitsStreams.Input o = RawBitsStreams.input(new java.io.ByteArrayInputStream(bytes))) {
      o.setObjectInputFilter(FILTER);
      return o.readValue();
    } catch (ClassNotFoundException | InvalidClassException e) {
      throw new IOException("rejected message: " + e.getMessage(), e);
    }
  }

  /**
   * Whether a reply holding {@code value} would be read on the other side: the codec encodes it, or
   * Java serialization writes it and the allow-list lets every class of it through. A worker asks
   * before answering, so a result the driver would refuse (a collection, an application's object)
   * becomes a failure the driver reruns, not an unreadable message that looks like a dead worker.
   */
  public static boolean carries(Object value) {
    if (WireCodec.encodable(value)) {
      return true;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (RawBitsStreams.Output o = RawBitsStreams.output(bytes)) {
      o.writeValue(value);
    } catch (IOException e) {
      return false;
    }
    try (RawBitsStreams.Input o = RawBitsStreams.input(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      o.setObjectInputFilter(FILTER);
      o.readValue();
      return true;
    } catch (IOException | ClassNotFoundException e) {
      return false;
    }
  }

  /** Bytes read from the socket since the last call (counts what the peer sent here); the receiving thread asks. */
  public long takeBytesReceived() {
    return input.takeReceived();
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
