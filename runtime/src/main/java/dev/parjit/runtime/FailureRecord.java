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
 * A failure as it travels from the rank that met it to the others: type name, message, stack
 * trace and cause chain, as bytes, and its serialized form when it has one. The receiving ranks
 * rebuild an exception of the same type and message with the same chain of causes, so every rank
 * throws what the sequential program would have thrown ({@code new IllegalStateException("bad " + i,
 * new ArithmeticException(...))} keeps its cause: a caller may look at it). The serialized form comes
 * first (it keeps a custom exception's fields, whatever its constructors); without one the type is
 * rebuilt through its public {@code (String)} or {@code (Object)} constructor. A type that cannot be
 * rebuilt either way (not serializable and not loadable here, or without such a constructor, or with
 * one that changes the message) becomes a {@link ParjitExecutionException} naming the type, the message and the rank, on every
 * rank alike: ranks throwing different types would take different handlers and then wait in
 * different collectives.
 *
 * @param type    the failure's class name
 * @param message its message, or {@code null}
 * @param stack   its stack trace on the rank that failed
 * @param cause   its cause, or {@code null}
 * @param serialized the whole failure, causes included, as {@link SerializedFailure} writes it, or
 *                {@code null} (it does not serialize; always for a cause, which the outer form holds)
 */
record FailureRecord(String type, String message, StackTraceElement[] stack, FailureRecord cause, byte[] serialized) {

  /** Causes kept: enough for any chain a loop's throw can build, and a bound on a cyclic one. */
  private static final int MAX_CAUSES = 16;

  static FailureRecord of(Throwable t) {
    return of(t, MAX_CAUSES, SerializedFailure.write(t));
  }

  private static FailureRecord of(Throwable t, int causes, byte[] serialized) {
    Throwable c = t.getCause();
    return new FailureRecord(t.getClass().getName(), t.getMessage(), t.getStackTrace(),
        c == null || c == t || causes == 0 ? null : of(c, causes - 1, null), serialized);
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
      out.writeBoolean(cause != null);
      if (cause != null) {
        out.write(cause.encode());
      }
      out.writeInt(serialized == null ? -1 : serialized.length);
      if (serialized != null) {
        out.write(serialized);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array stream does not fail
    }
    return bytes.toByteArray();
  }

  static FailureRecord decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("a rank's failure record is damaged", e);
    }
  }

  private static FailureRecord read(DataInputStream in) throws IOException {
    String type = readString(in);
    String message = readString(in);
    StackTraceElement[] stack = new StackTraceElement[in.readInt()];
    for (int k = 0; k < stack.length; k++) {
      stack[k] = new StackTraceElement(readString(in), readString(in), readString(in), readString(in), readString(in),
          readString(in), in.readInt());
    }
    FailureRecord cause = in.readBoolean() ? read(in) : null;
    int length = in.readInt();
    byte[] serialized = length < 0 ? null : in.readNBytes(length);
    return new FailureRecord(type, message, stack, cause, serialized);
  }

  /** Whether every rank can throw this failure as itself: its type and each cause rebuild here. */
  boolean rebuildable() {
    return rebuild() != null;
  }

  /** The failure as this rank throws it: the same type, message and causes, the failing rank's stacks. */
  RuntimeException rebuildOrWrap(int rank) {
    Throwable t = rebuild();
    return Sneaky.unchecked(t != null ? t : wrapper(rank, null));
  }

  /** What every rank throws for a failure that cannot be rebuilt: the failing rank gives its original as the cause. */
  ParjitExecutionException wrapper(int rank, Throwable original) {
    ParjitExecutionException e = new ParjitExecutionException(type + (message == null ? "" : ": " + message)
        + " (thrown on rank " + rank + "; " + type + " could not be re-created on every rank)", rank, original);
    e.setStackTrace(stack);
    return e;
  }

  /** An instance of {@link #type} with {@link #message}, {@link #stack} and the rebuilt {@link #cause}, or {@code null}. */
  private Throwable rebuild() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ClassLoader.getSystemClassLoader();
    }
    if (serialized != null) {
      Throwable whole = SerializedFailure.read(serialized, loader);
      if (whole != null && whole.getClass().getName().equals(type) && Objects.equals(whole.getMessage(), message)) {
        return whole;
      }
    }
    try {
      Throwable rebuiltCause = null;
      if (cause != null) {
        rebuiltCause = cause.rebuild();
        if (rebuiltCause == null) {
          return null;
        }
      }
      Class<?> c = Class.forName(type, true, loader);
      if (!Throwable.class.isAssignableFrom(c)) {
        return null;
      }
      Throwable t = message == null ? construct(c, null) : null;
      if (t == null) {
        t = construct(c, String.class);
      }
      if (t == null) {
        t = construct(c, Object.class); // AssertionError(Object): what `new AssertionError("m" + i)` calls
      }
      if (t == null || t.getCause() != null) {
        return null;
      }
      if (rebuiltCause != null) {
        t.initCause(rebuiltCause);
      }
      t.setStackTrace(stack);
      return t;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** An instance made with the constructor taking {@code parameter} ({@code null}: none), if its message is {@link #message}. */
  private Throwable construct(Class<?> c, Class<?> parameter) {
    try {
      Constructor<?> k = parameter == null ? c.getConstructor() : c.getConstructor(parameter);
      Throwable t = (Throwable) (parameter == null ? k.newInstance() : k.newInstance(message));
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
