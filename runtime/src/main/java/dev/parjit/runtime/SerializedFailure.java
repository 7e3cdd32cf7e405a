package dev.parjit.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * A failure as Java serialization writes it: the one form that carries a custom exception's own
 * fields ({@code new CodedException(42)} keeps its {@code code}) and any constructor shape to the
 * ranks that did not fail. Ranks of one job are authenticated peers running the same classes, so
 * reading a peer's bytes is as safe as running its code. Floating values keep their bits
 * ({@link RawBitsStreams}: a {@code double} field holding a NaN with a payload arrives with it). A
 * failure that does not serialize (a field of a type that is not {@code Serializable}) has no such
 * form; {@link FailureRecord} then rebuilds it through its constructors.
 */
final class SerializedFailure {

  private SerializedFailure() { }

  /** The failure's serialized form, or {@code null} when it does not serialize. */
  static byte[] write(Throwable t) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RawBitsStreams.Output out = RawBitsStreams.output(bytes)) {
      out.writeValue(t);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return bytes.toByteArray();
  }

  /** The failure read back with classes from {@code loader} (the program's), or {@code null} when it cannot be. */
  static Throwable read(byte[] data, ClassLoader loader) {
    try (RawBitsStreams.Input in = RawBitsStreams.input(new ByteArrayInputStream(data), loader)) {
      Object o = in.readValue();
      return o instanceof Throwable t ? t : null;
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
