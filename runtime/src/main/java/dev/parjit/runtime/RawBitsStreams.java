package dev.parjit.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Java serialization that keeps floating-point values bit for bit. {@code ObjectOutputStream} writes
 * a {@code Double}'s or {@code Float}'s value, the elements of a {@code double[]} or {@code float[]},
 * and an object's primitive {@code double}/{@code float} fields through
 * {@code doubleToLongBits}/{@code floatToIntBits}, which fold every NaN into the standard one, so a
 * NaN with another payload would reach the other side changed although the sequential program can
 * tell the two apart ({@code doubleToRawLongBits}).
 *
 * <p>Boxes and arrays holding a non-standard NaN are replaced (the common case costs a scan and no
 * copy) by a carrier of their raw bits, which the reading stream turns back into the value; sharing is
 * kept, since the JDK substitutes one carrier for every reference to the same object. Primitive fields
 * cannot be replaced that way (the JDK writes them from the object itself, and substituting the
 * object would make every later reference to it, its own {@code cause} for instance, the carrier),
 * so {@link Output#writeValue} writes the value and then a {@link RawFields} list naming, by
 * back-reference, each object whose default-serialized field held such a NaN, with the field and its
 * raw bits; {@link Input#readValue} sets those fields after the graph is read. A record cannot be
 * changed after its canonical constructor ran: writing one whose component holds such a NaN fails
 * with {@code NotSerializableException} naming the component, so a caller falls back to its other
 * form instead of delivering a changed value. Not covered: private floating fields of classes in
 * named modules that do not open their package to Parjit (the JDK's own classes): reflection can
 * neither read nor set them, so they keep the JDK's encoding.
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

  /**
   * The primitive floating fields to restore after a value is read: {@code targets[i]}'s field
   * {@code fields[i]} declared by the class named {@code owners[i]} holds the raw bits {@code bits[i]}
   * (a float's in the low 32).
   */
  record RawFields(Object[] targets, String[] owners, String[] fields, long[] bits) implements Serializable { }

  private static final Set<Class<?>> CARRIERS =
      Set.of(RawDouble.class, RawFloat.class, RawDoubles.class, RawFloats.class, RawFields.class);

  private static final long STANDARD_DOUBLE_NAN = Double.doubleToRawLongBits(Double.NaN);
  private static final int STANDARD_FLOAT_NAN = Float.floatToRawIntBits(Float.NaN);

  /** Whether {@code c} is one of the carriers: an input filter that allows values must allow these too. */
  public static boolean isCarrier(Class<?> c) {
    return CARRIERS.contains(c);
  }

  /** An object output stream over {@code out} that writes floating values by their raw bits. */
  public static Output output(OutputStream out) throws IOException {
    return new Output(out);
  }

  /** An object input stream over {@code in} that reads what {@link #output} wrote. */
  public static Input input(InputStream in) throws IOException {
    return new Input(in, null);
  }

  /** {@link #input(InputStream)} resolving the value's classes through {@code loader} first. */
  public static Input input(InputStream in, ClassLoader loader) throws IOException {
    return new Input(in, loader);
  }

  private static boolean otherNaN(double d) {
    return d != d && Double.doubleToRawLongBits(d) != STANDARD_DOUBLE_NAN;
  }

  private static boolean otherNaN(float f) {
    return f != f && Float.floatToRawIntBits(f) != STANDARD_FLOAT_NAN;
  }

  /** The writing stream: values go through {@link #writeValue}, which appends the field patches. */
  public static final class Output extends ObjectOutputStream {
    private final List<Object> targets = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private final List<Long> bits = new ArrayList<>();

    Output(OutputStream out) throws IOException {
      super(out);
      enableReplaceObject(true);
    }

    /** Writes {@code value} and then the raw bits of the floating fields it could not carry itself. */
    public void writeValue(Object value) throws IOException {
      targets.clear();
      fields.clear();
      bits.clear();
      writeObject(value);
      if (targets.isEmpty()) {
        writeObject(null);
        return;
      }
      int n = targets.size();
      String[] owners = new String[n];
      String[] names = new String[n];
      long[] raw = new long[n];
      for (int i = 0; i < n; i++) {
        owners[i] = fields.get(i).getDeclaringClass().getName();
        names[i] = fields.get(i).getName();
        raw[i] = bits.get(i);
      }
      writeObject(new RawFields(targets.toArray(), owners, names, raw));
    }

    @Override
    protected Object replaceObject(Object o) throws IOException {
      if (o instanceof Double d && otherNaN(d)) {
        return new RawDouble(Double.doubleToRawLongBits(d));
      } else if (o instanceof Float f && otherNaN(f)) {
        return new RawFloat(Float.floatToRawIntBits(f));
      } else if (o instanceof double[] a) {
        for (double d : a) {
          if (otherNaN(d)) {
            long[] raw = new long[a.length];
            for (int i = 0; i < a.length; i++) {
              raw[i] = Double.doubleToRawLongBits(a[i]);
            }
            return new RawDoubles(raw);
          }
        }
      } else if (o instanceof float[] a) {
        for (float f : a) {
          if (otherNaN(f)) {
            int[] raw = new int[a.length];
            for (int i = 0; i < a.length; i++) {
              raw[i] = Float.floatToRawIntBits(a[i]);
            }
            return new RawFloats(raw);
          }
        }
      } else if (o != null && !o.getClass().isArray() && !isCarrier(o.getClass())) {
        recordFloatingFields(o);
      }
      return o;
    }

    /** Notes each default-serialized floating field of {@code o} that holds a non-standard NaN. */
    private void recordFloatingFields(Object o) throws IOException {
      for (Class<?> c = o.getClass(); c != null && Serializable.class.isAssignableFrom(c); c = c.getSuperclass()) {
        List<Field> floating = FloatingFields.of(c);
        ObjectStreamClass desc = floating.isEmpty() ? null : ObjectStreamClass.lookupAny(c);
        for (Field f : floating) {
          if (desc.getField(f.getName()) == null) {
            continue; // not written by default serialization (serialPersistentFields)
          }
          long raw;
          boolean other;
          try {
            if (f.getType() == double.class) {
              double d = f.getDouble(o);
              raw = Double.doubleToRawLongBits(d);
              other = otherNaN(d);
            } else {
              float v = f.getFloat(o);
              raw = Float.floatToRawIntBits(v);
              other = otherNaN(v);
            }
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("an accessible field refused its value: " + f, e);
          }
          if (!other) {
            continue;
          }
          if (c.isRecord()) {
            throw unrestorable(f, "a record's component cannot be set after its constructor ran");
          }
          targets.add(o);
          fields.add(f);
          bits.add(raw);
        }
      }
    }

    private static NotSerializableException unrestorable(Field f, String why) {
      return new NotSerializableException(f.getDeclaringClass().getName() + "." + f.getName()
          + " holds a NaN whose payload Java serialization would change, and " + why);
    }
  }

  /** The reading stream: values come from {@link #readValue}, which restores the recorded fields. */
  public static final class Input extends ObjectInputStream {
    private final ClassLoader loader;

    Input(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
      enableResolveObject(true);
    }

    /** Reads a value {@link Output#writeValue} wrote, its floating fields with their raw bits. */
    public Object readValue() throws IOException, ClassNotFoundException {
      Object value = readObject();
      Object patches = readObject();
      if (patches instanceof RawFields p) {
        restore(p);
      } else if (patches != null) {
        throw new InvalidObjectException("expected the raw floating fields after a value, found " + patches.getClass().getName());
      }
      return value;
    }

    private static void restore(RawFields p) throws InvalidObjectException {
      for (int i = 0; i < p.targets().length; i++) {
        Object target = p.targets()[i];
        Field f = FloatingFields.find(target.getClass(), p.owners()[i], p.fields()[i]);
        if (f == null) {
          throw new InvalidObjectException("no floating field " + p.owners()[i] + "." + p.fields()[i]
              + " in " + target.getClass().getName());
        }
        try {
          if (f.getType() == double.class) {
            f.setDouble(target, Double.longBitsToDouble(p.bits()[i]));
          } else {
            f.setFloat(target, Float.intBitsToFloat((int) p.bits()[i]));
          }
        } catch (IllegalAccessException e) {
          throw new InvalidObjectException("cannot restore " + p.owners()[i] + "." + p.fields()[i] + ": " + e.getMessage());
        }
      }
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      if (loader != null) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // primitives and arrays of them, and the JDK's classes: the default resolution below
        }
      }
      return super.resolveClass(desc);
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

  /** The instance {@code double}/{@code float} fields a class declares, made accessible, per class. */
  private static final class FloatingFields {
    private static final ClassValue<List<Field>> DECLARED = new ClassValue<>() {
      @Override
      protected List<Field> computeValue(Class<?> c) {
        List<Field> found = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
          int m = f.getModifiers();
          if ((f.getType() == double.class || f.getType() == float.class)
              && !Modifier.isStatic(m) && !Modifier.isTransient(m)) {
            // Parjit can read and restore only fields its module may access: those of the
            // application's classes (unnamed modules) and public ones; a JDK class's private
            // floating field (its module does not open the package) is left to the JDK's encoding.
            if (f.trySetAccessible()) {
              found.add(f);
            }
          }
        }
        return List.copyOf(found);
      }
    };

    static List<Field> of(Class<?> c) {
      return DECLARED.get(c);
    }

    static Field find(Class<?> c, String owner, String name) {
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        if (k.getName().equals(owner)) {
          for (Field f : DECLARED.get(k)) {
            if (f.getName().equals(name)) {
              return f;
            }
          }
          return null;
        }
      }
      return null;
    }
  }
}
