package dev.parjit.agent.cache;

import dev.parjit.transforms.DispatchStub;
import dev.parjit.transforms.MethodPlacement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary format of a cache file:
 *
 * <pre>
 *   8 bytes   magic "PJITCACH"
 *   int       format version ({@link #FORMAT_VERSION})
 *   int       payload length
 *   32 bytes  SHA-256 of the payload
 *   payload   the {@link CacheEntry}, fields in declaration order (big-endian, strings as
 *             int length + UTF-8, nullable values behind a boolean)
 * </pre>
 *
 * Decoding trusts nothing: the magic, the version, the exact file length and the checksum are
 * checked before the payload is parsed, and every length in the payload is bounded by the bytes
 * left, so a damaged file becomes an {@link EntryFormatException}, never a huge allocation.
 */
final class EntryCodec {

  /** Bumped whenever the payload layout changes. */
  static final int FORMAT_VERSION = 4;

  private static final byte[] MAGIC = "PJITCACH".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 4 + 4 + 32;

  private EntryCodec() { }

  static byte[] encode(CacheEntry e) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(payload)) {
      str(out, e.key());
      str(out, e.className());
      str(out, e.role());
      str(out, e.compiler());
      str(out, e.specialization());
      out.writeLong(e.createdMillis());
      str(out, e.sourceRoots());
      out.writeInt(e.dependencies().size());
      for (Map.Entry<String, String> d : e.dependencies().entrySet()) {
        str(out, d.getKey());
        str(out, d.getValue());
      }
      CompiledClass c = e.compiled();
      out.writeBoolean(c.bytes() != null);
      if (c.bytes() != null) {
        out.writeInt(c.bytes().length);
        out.write(c.bytes());
      }
      stubs(out, c.stubs());
      stubs(out, c.workerSignatures());
      strings(out, c.failures());
      strings(out, c.passLog());
      out.writeInt(c.methods().size());
      for (CompiledClass.MethodReport m : c.methods()) {
        str(out, m.id());
        str(out, m.diagnostics());
        str(out, m.verbose());
        out.writeBoolean(m.warning() != null);
        if (m.warning() != null) {
          str(out, m.warning());
        }
      }
      out.writeInt(c.placements().size());
      for (MethodPlacement p : c.placements()) {
        str(out, p.method());
        str(out, p.where());
        out.writeBoolean(p.warning() != null);
        if (p.warning() != null) {
          str(out, p.warning());
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex); // a ByteArrayOutputStream does not fail
    }
    byte[] body = payload.toByteArray();
    ByteBuffer file = ByteBuffer.allocate(HEADER + body.length);
    file.put(MAGIC).putInt(FORMAT_VERSION).putInt(body.length).put(CacheKey.sha256().digest(body)).put(body);
    return file.array();
  }

  static CacheEntry decode(byte[] file) throws EntryFormatException {
    if (file.length < HEADER || !Arrays.equals(MAGIC, 0, MAGIC.length, file, 0, MAGIC.length)) {
      throw new EntryFormatException("not a Parjit cache file (" + file.length + " bytes)", false);
    }
    ByteBuffer header = ByteBuffer.wrap(file, MAGIC.length, 8);
    int version = header.getInt();
    int length = header.getInt();
    if (version != FORMAT_VERSION) {
      throw new EntryFormatException("format version " + version + ", this Parjit reads " + FORMAT_VERSION, true);
    }
    if (length != file.length - HEADER) {
      throw new EntryFormatException("truncated or padded: " + (file.length - HEADER) + " payload bytes, header says "
          + length, false);
    }
    MessageDigest sha = CacheKey.sha256();
    sha.update(file, HEADER, length);
    if (!MessageDigest.isEqual(sha.digest(), Arrays.copyOfRange(file, HEADER - 32, HEADER))) {
      throw new EntryFormatException("checksum mismatch", false);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file, HEADER, length))) {
      String key = str(in);
      String className = str(in);
      String role = str(in);
      String compiler = str(in);
      String specialization = str(in);
      long created = in.readLong();
      String roots = str(in);
      int deps = count(in, 8);
      Map<String, String> dependencies = new LinkedHashMap<>();
      for (int i = 0; i < deps; i++) {
        dependencies.put(str(in), str(in));
      }
      byte[] bytes = null;
      if (in.readBoolean()) {
        bytes = new byte[count(in, 1)];
        in.readFully(bytes);
      }
      List<DispatchStub> stubs = stubs(in);
      List<DispatchStub> signatures = stubs(in);
      List<String> failures = strings(in);
      List<String> passLog = strings(in);
      int n = count(in, 13);
      List<CompiledClass.MethodReport> methods = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        methods.add(new CompiledClass.MethodReport(str(in), str(in), str(in), in.readBoolean() ? str(in) : null));
      }
      int placed = count(in, 9);
      List<MethodPlacement> placements = new ArrayList<>(placed);
      for (int i = 0; i < placed; i++) {
        placements.add(new MethodPlacement(str(in), str(in), in.readBoolean() ? str(in) : null));
      }
      if (in.available() != 0) {
        throw new EntryFormatException(in.available() + " bytes after the entry", false);
      }
      return new CacheEntry(key, className, role, compiler, specialization, created, roots, dependencies,
          new CompiledClass(bytes, stubs, signatures, failures, passLog, methods, placements));
    } catch (IOException | RuntimeException e) {
      // A checksum collision cannot produce this; a writer bug or a hand-made file can.
      throw new EntryFormatException("unreadable payload: " + e, false);
    }
  }

  private static void stubs(DataOutputStream out, List<DispatchStub> stubs) throws IOException {
    out.writeInt(stubs.size());
    for (DispatchStub s : stubs) {
      str(out, s.methodKey());
      out.writeInt(s.distributedParams().length);
      for (boolean b : s.distributedParams()) {
        out.writeBoolean(b);
      }
      out.writeBoolean(s.distributedReturn());
      for (boolean b : s.writtenParams()) {
        out.writeBoolean(b);
      }
      out.writeInt(s.returnedParam());
      strings(out, s.staticReads());
      strings(out, s.fieldReads());
    }
  }

  private static List<DispatchStub> stubs(DataInputStream in) throws IOException {
    int n = count(in, 9);
    List<DispatchStub> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String key = str(in);
      boolean[] params = new boolean[count(in, 1)];
      for (int k = 0; k < params.length; k++) {
        params[k] = in.readBoolean();
      }
      boolean distributedReturn = in.readBoolean();
      boolean[] written = new boolean[params.length];
      for (int k = 0; k < written.length; k++) {
        written[k] = in.readBoolean();
      }
      int returned = in.readInt();
      List<String> statics = strings(in);
      out.add(new DispatchStub(key, params, distributedReturn, written, returned, statics, strings(in)));
    }
    return out;
  }

  private static void strings(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      str(out, s);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    int n = count(in, 4);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(str(in));
    }
    return out;
  }

  // writeUTF stops at 64 KB; diagnostics of a long method can be longer.
  private static void str(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String str(DataInputStream in) throws IOException {
    byte[] b = new byte[count(in, 1)];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A count of items of at least {@code minSize} bytes each, checked against what is left. */
  private static int count(DataInputStream in, int minSize) throws IOException {
    int n = in.readInt();
    if (n < 0 || (long) n * minSize > in.available()) {
      throw new IOException("count " + n + " exceeds the " + in.available() + " bytes left");
    }
    return n;
  }
}
