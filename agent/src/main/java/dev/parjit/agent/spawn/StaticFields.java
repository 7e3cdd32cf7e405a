package dev.parjit.agent.spawn;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The static fields a {@code @Jit} method reads, by name {@code owner.name:descriptor}: read on the
 * driver at each call and set on every worker before the call runs, so the workers see what the
 * sequential program would see at that moment.
 */
public final class StaticFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private StaticFields() { }

  /** The current values of {@code names}, resolved through {@code loader}. */
  public static Object[] read(ClassLoader loader, String[] names) throws ReflectiveOperationException {
    Object[] out = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = field(loader, names[i]).get(null);
    }
    return out;
  }

  /**
   * Sets each field to the driver's value. A final field cannot be assigned: an array's contents
   * are copied into it when the lengths match, and a scalar must already be equal; otherwise the
   * call fails here (and the driver then runs it itself).
   */
  public static void write(ClassLoader loader, String[] names, Object[] values) throws ReflectiveOperationException {
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

  private static Field field(ClassLoader loader, String name) throws ReflectiveOperationException {
    Field known = FIELDS.get(name);
    if (known != null) {
      return known;
    }
    int dot = name.lastIndexOf('.', name.indexOf(':'));
    Class<?> owner = Class.forName(name.substring(0, dot).replace('/', '.'), true,
        loader != null ? loader : ClassLoader.getSystemClassLoader());
    Field f = owner.getDeclaredField(name.substring(dot + 1, name.indexOf(':')));
    f.setAccessible(true);
    FIELDS.put(name, f);
    return f;
  }
}
