package dev.parjit.runtime;

import dev.parjit.ParjitExecutionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A failure as it travels from the rank that met it to the others: type name, message and stack
 * trace, as bytes. The receiving ranks rebuild an exception of the same type and message, so every
 * rank throws what the sequential program would have thrown; a type that cannot be rebuilt (not
 * loadable here, no public {@code (String)} constructor, or a constructor that changes the message)
 * becomes a {@link ParjitExecutionException} naming the type, the message and the rank.
 *
 * @param type    the failure's class name
 * @param message its message, or {@code null}
 * @param stack   its stack trace on the rank that failed
 */
record FailureRecord(String type, String message, StackTraceElement[] stack) {

  static FailureRecord of(Throwable t) {
    return new FailureRecord(t.getClass().getName(), t.getMessage(), t.getStackTrace());
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeString(out, type);
      writeString(out, message);
      out.writeInt(stack.length);
      for (StackTraceElement e : stack) {
        writeString(out, e.getClassLoaderName());
        writeString(out, e.getModuleName());
        writeString(out, e.getModuleVersion());
        writeString(out, e.getClassName());
        writeString(out, e.getMethodName());
        writeString(out, e.getFileName());
        out.writeInt(e.getLineNumber());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array stream does not fail
    }
    return bytes.toByteArray();
  }

  static FailureRecord decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      String type = readString(in);
      String message = readString(in);
      StackTraceElement[] stack = new StackTraceElement[in.readInt()];
      for (int k = 0; k < stack.length; k++) {
        stack[k] = new StackTraceElement(readString(in), readString(in), readString(in), readString(in), readString(in),
            readString(in), in.readInt());
      }
      return new FailureRecord(type, message, stack);
    } catch (IOException e) {
      throw new UncheckedIOException("a rank's failure record is damaged", e);
    }
  }

  /** The failure as this rank throws it: the same type and message, the failing rank's stack. */
  RuntimeException rebuildOrWrap(int rank) {
    Throwable t = rebuild();
    if (t == null) {
      t = new ParjitExecutionException(type + (message == null ? "" : ": " + message) + " (thrown on rank " + rank
          + "; " + type + " could not be re-created here)", rank, null);
    }
    t.setStackTrace(stack);
    return Sneaky.unchecked(t);
  }

  /** An instance of {@link #type} with {@link #message}, or {@code null}. */
  private Throwable rebuild() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ClassLoader.getSystemClassLoader();
    }
    try {
      Class<?> c = Class.forName(type, true, loader);
      if (!Throwable.class.isAssignableFrom(c)) {
        return null;
      }
      if (message == null) {
        Throwable t = construct(c, false);
        if (t != null) {
          return t;
        }
      }
      return construct(c, true);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  private Throwable construct(Class<?> c, boolean withMessage) {
    try {
      Constructor<?> k = withMessage ? c.getConstructor(String.class) : c.getConstructor();
      Throwable t = (Throwable) (withMessage ? k.newInstance(message) : k.newInstance());
      // Some types build their own message: only an exact match is the same failure.
      return Objects.equals(t.getMessage(), message) ? t : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
