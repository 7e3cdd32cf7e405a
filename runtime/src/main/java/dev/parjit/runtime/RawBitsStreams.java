package dev.parjit.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Set;

/**
 * Java serialization that keeps floating-point values bit for bit. {@code ObjectOutputStream} writes
 * a {@code Double}'s or {@code Float}'s value, and the elements of a {@code double[]} or
 * {@code float[]}, through {@code doubleToLongBits}/{@code floatToIntBits}, which fold every NaN into
 * the standard one, so a NaN with another payload would reach the other side changed although the
 * sequential program can tell the two apart ({@code doubleToRawLongBits}). These streams replace such
 * a value, only when it holds a non-standard NaN (the common case costs a scan and no copy), by a
 * carrier of its raw bits, and the reading stream turns the carrier back into the value. Sharing is
 * kept: the JDK substitutes one carrier for every reference to the same object.
 */
public final class RawBitsStreams {

  private RawBitsStreams() { }

  /** Carrier of a boxed {@code Double} by its raw bits. */
  record RawDouble(long bits) implements Serializable { }

  /** Carrier of a boxed {@code Float} by its raw bits. */
  record RawFloat(int bits) implements Serializable { }

  /** Carrier of a {@code double[]} by its elements' raw bits. */
  record RawDoubles(long[] bits) implements Serializable { }

  /** Carrier of a {@code float[]} by its elements' raw bits. */
  record RawFloats(int[] bits) implements Serializable { }

  private static final Set<Class<?>> CARRIERS = Set.of(RawDouble.class, RawFloat.class, RawDoubles.class, RawFloats.class);

  private static final long STANDARD_DOUBLE_NAN = Double.doubleToRawLongBits(Double.NaN);
  private static final int STANDARD_FLOAT_NAN = Float.floatToRawIntBits(Float.NaN);

  /** Whether {@code c} is one of the carriers: an input filter that allows values must allow these too. */
  public static boolean isCarrier(Class<?> c) {
    return CARRIERS.contains(c);
  }

  /** An object output stream over {@code out} that writes floating values by their raw bits. */
  public static ObjectOutputStream output(OutputStream out) throws IOException {
    return new Output(out);
  }

  /** An object input stream over {@code in} that reads what {@link #output} wrote. */
  public static ObjectInputStream input(InputStream in) throws IOException {
    return new Input(in);
  }

  private static boolean otherNaN(double d) {
    return d != d && Double.doubleToRawLongBits(d) != STANDARD_DOUBLE_NAN;
  }

  private static boolean otherNaN(float f) {
    return f != f && Float.floatToRawIntBits(f) != STANDARD_FLOAT_NAN;
  }

  private static final class Output extends ObjectOutputStream {
    Output(OutputStream out) throws IOException {
      super(out);
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object o) {
      if (o instanceof Double d && otherNaN(d)) {
        return new RawDouble(Double.doubleToRawLongBits(d));
      } else if (o instanceof Float f && otherNaN(f)) {
        return new RawFloat(Float.floatToRawIntBits(f));
      } else if (o instanceof double[] a) {
        for (double d : a) {
          if (otherNaN(d)) {
            long[] bits = new long[a.length];
            for (int i = 0; i < a.length; i++) {
              bits[i] = Double.doubleToRawLongBits(a[i]);
            }
            return new RawDoubles(bits);
          }
        }
      } else if (o instanceof float[] a) {
        for (float f : a) {
          if (otherNaN(f)) {
            int[] bits = new int[a.length];
            for (int i = 0; i < a.length; i++) {
              bits[i] = Float.floatToRawIntBits(a[i]);
            }
            return new RawFloats(bits);
          }
        }
      }
      return o;
    }
  }

  private static final class Input extends ObjectInputStream {
    Input(InputStream in) throws IOException {
      super(in);
      enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object o) {
      if (o instanceof RawDouble d) {
        return Double.longBitsToDouble(d.bits());
      } else if (o instanceof RawFloat f) {
        return Float.intBitsToFloat(f.bits());
      } else if (o instanceof RawDoubles a) {
        double[] values = new double[a.bits().length];
        for (int i = 0; i < values.length; i++) {
          values[i] = Double.longBitsToDouble(a.bits()[i]);
        }
        return values;
      } else if (o instanceof RawFloats a) {
        float[] values = new float[a.bits().length];
        for (int i = 0; i < values.length; i++) {
          values[i] = Float.intBitsToFloat(a.bits()[i]);
        }
        return values;
      }
      return o;
    }
  }
}
