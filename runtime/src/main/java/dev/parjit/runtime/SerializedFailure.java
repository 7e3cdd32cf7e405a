package dev.parjit.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * A failure as Java serialization writes it: the one form that carries a custom exception's own
 * fields ({@code new CodedException(42)} keeps its {@code code}) and any constructor shape to the
 * ranks that did not fail. Ranks of one job are authenticated peers running the same classes, so
 * reading a peer's bytes is as safe as running its code. A failure that does not serialize (a field
 * of a type that is not {@code Serializable}) has no such form; {@link FailureRecord} then rebuilds
 * it through its constructors.
 */
final class SerializedFailure {

  private SerializedFailure() { }

  /** The failure's serialized form, or {@code null} when it does not serialize. */
  static byte[] write(Throwable t) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(t);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return bytes.toByteArray();
  }

  /** The failure read back with classes from {@code loader}, or {@code null} when it cannot be. */
  static Throwable read(byte[] data, ClassLoader loader) {
    try (ObjectInputStream in = new LoaderInputStream(new ByteArrayInputStream(data), loader)) {
      Object o = in.readObject();
      return o instanceof Throwable t ? t : null;
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Resolves classes through the application's loader: the failure's type is the program's. */
  private static final class LoaderInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc); // primitives and arrays of them
      }
    }
  }
}
