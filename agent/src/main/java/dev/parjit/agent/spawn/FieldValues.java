package dev.parjit.agent.spawn;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields a {@code @Jit} method reads — statics, and its receiver's fields for an instance
 * method — by name {@code owner.name:descriptor}: read on the driver at each call and set on every
 * worker before the call runs, so the workers see what the sequential program would see then.
 */
public final class FieldValues {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private FieldValues() { }

  /**
   * The current values of static fields {@code names}, resolved through {@code loader}. Reading a static
   * would run its class's initializer: a class not initialized yet is left alone and reported instead.
   */
  public static Object[] readStatics(ClassLoader loader, String[] names)
      throws ReflectiveOperationException, ClassInitialization.NotInitialized {
    for (String name : names) {
      Class<?> declaring = field(loader, name).getDeclaringClass();
      if (!ClassInitialization.isInitialized(declaring)) {
        throw new ClassInitialization.NotInitialized(declaring);
      }
    }
    return read(loader, null, names);
  }

  /** The current values of {@code receiver}'s fields {@code names}. */
  public static Object[] readFields(Object receiver, String[] names) throws ReflectiveOperationException {
    return read(receiver.getClass().getClassLoader(), receiver, names);
  }

  private static Object[] read(ClassLoader loader, Object receiver, String[] names)
      throws ReflectiveOperationException {
    Object[] out = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = field(loader, names[i]).get(receiver);
    }
    return out;
  }

  /**
   * Sets each static field to the driver's value. A final static cannot be assigned: an array's
   * contents are copied into it when the lengths match, and a scalar must already be equal;
   * otherwise the call fails here (and the driver then runs it itself).
   */
  public static void writeStatics(ClassLoader loader, String[] names, Object[] values)
      throws ReflectiveOperationException {
    for (int i = 0; i < names.length; i++) {
      Field f = field(loader, names[i]);
      Object value = values[i];
      if (!Modifier.isFinal(f.getModifiers())) {
        f.set(null, value);
        continue;
      }
      Object current = f.get(null);
      if (value != null && current != null && value.getClass().isArray() && current.getClass() == value.getClass()
          && Array.getLength(current) == Array.getLength(value)) {
        System.arraycopy(value, 0, current, 0, Array.getLength(value));
      } else if (!Objects.equals(current, value)) {
        throw new IllegalStateException("static final field " + names[i] + " differs between driver and worker");
      }
    }
  }

  /** The classes declaring the static fields {@code names} (looked up without initializing them). */
  public static java.util.Set<Class<?>> declaringClasses(ClassLoader loader, String[] names)
      throws ReflectiveOperationException {
    java.util.Set<Class<?>> out = new java.util.LinkedHashSet<>();
    for (String name : names) {
      out.add(field(loader, name).getDeclaringClass());
    }
    return out;
  }

  /** Whether any of the static fields {@code names} is final: {@link #writeStatics} can then fail on some ranks only. */
  public static boolean anyFinal(ClassLoader loader, String[] names) throws ReflectiveOperationException {
    for (String name : names) {
      if (Modifier.isFinal(field(loader, name).getModifiers())) {
        return true;
      }
    }
    return false;
  }

  /** Sets {@code receiver}'s fields (final ones too: the object is the worker's own copy). */
  public static void writeFields(Object receiver, String[] names, Object[] values) throws ReflectiveOperationException {
    for (int i = 0; i < names.length; i++) {
      field(receiver.getClass().getClassLoader(), names[i]).set(receiver, values[i]);
    }
  }

  /** The field named {@code owner.name:descriptor}, declared in {@code owner} or a superclass. */
  private static Field field(ClassLoader loader, String name) throws ReflectiveOperationException {
    Field known = FIELDS.get(name);
    if (known != null) {
      return known;
    }
    int colon = name.indexOf(':');
    int dot = name.lastIndexOf('.', colon);
    String fieldName = name.substring(dot + 1, colon);
    // Not initialized here: reading or setting the field initializes the class that declares it.
    Class<?> owner = Class.forName(name.substring(0, dot).replace('/', '.'), false,
        loader != null ? loader : ClassLoader.getSystemClassLoader());
    for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(fieldName);
        f.setAccessible(true);
        FIELDS.put(name, f);
        return f;
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    throw new NoSuchFieldException(name);
  }
}
