package dev.parjit.agent.spawn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The channel's binary encoding of {@link Messages}: a closed set of types (nulls, boxed
 * primitives, strings, arrays of those and of primitives at any depth, stack trace elements and
 * the message records), written field by field with primitive arrays in bulk.
 *
 * <p>Why not Java serialization for everything: a trivial call spent most of its driver and
 * worker time in {@code ObjectOutputStream}/{@code ObjectInputStream} (class descriptors resent
 * after every {@code reset()}, reflective record construction), and that code takes thousands of
 * calls to be compiled, which made the first calls slow. Like serialization, the encoding keeps
 * object identity within one message (an array passed twice arrives as one array), so a method
 * comparing its arguments with {@code ==} sees what it would see sequentially.
 *
 * <p>Decoding instantiates nothing outside that set: an unknown tag, record index or array type
 * is an {@link IOException}. A message holding anything else is not encodable here
 * ({@link #encodable}); the channel sends it with filtered Java serialization instead.
 *
 * <p>A string keeps whether it is the pooled one ({@link String#intern}): a method comparing a
 * {@code mode} argument with a literal ({@code mode == "fast"}), or a caller comparing a returned
 * literal with one, sees sequentially the one pooled object on both sides. Elements of {@code String[]}
 * arrays are not checked (a column of a million strings would pay one pool look-up each).
 */
final class WireCodec {

  private static final byte NULL = 0;
  private static final byte BACK_REFERENCE = 1;
  private static final byte BOOLEAN = 2;
  private static final byte BYTE = 3;
  private static final byte SHORT = 4;
  private static final byte CHAR = 5;
  private static final byte INT = 6;
  private static final byte LONG = 7;
  private static final byte FLOAT = 8;
  private static final byte DOUBLE = 9;
  private static final byte STRING = 10;
  private static final byte PRIMITIVE_ARRAY = 11;
  private static final byte REFERENCE_ARRAY = 12;
  private static final byte RECORD = 13;
  private static final byte STACK_TRACE_ELEMENT = 14;
  /** A string the sender's string pool holds (a literal, an interned string): the receiver interns it too. */
  private static final byte INTERNED_STRING = 15;

  /**
   * The message records, by index on the wire: every record nested in {@link Messages}, by name
   * (both sides run the same agent jar, so they agree on the order).
   */
  private static final List<Class<?>> RECORDS = java.util.Arrays.stream(Messages.class.getDeclaredClasses())
      .filter(Class::isRecord).sorted(java.util.Comparator.comparing(Class::getName))
      .collect(java.util.stream.Collectors.toUnmodifiableList());

  /** Element types a reference array may have (after its dimensions). */
  private static final Map<String, Class<?>> ELEMENTS = elementTypes();

  private static final RecordShape[] SHAPES = shapes();

  /** Primitive arrays are copied through this buffer in bulk (little-endian on both sides). */
  private final ByteBuffer scratch = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

  /**
   * The last pooled strings this codec met, both ways: every call carries its method key (a literal), so
   * asking the pool once per message and string was a pool look-up and a copy per call on each side.
   * A string the pool holds stays its object while these references keep it alive, so an answer found
   * here is the one the pool would give. Only pooled strings are kept: a string that is not pooled now
   * could become so later.
   */
  private static final int POOLED_KEPT = 8;
  private final String[] pooledSent = new String[POOLED_KEPT];
  private int pooledSentNext;
  private final byte[][] pooledReceivedBytes = new byte[POOLED_KEPT][];
  private final String[] pooledReceived = new String[POOLED_KEPT];
  private int pooledReceivedNext;

  /** {@link #pooled}, remembering the strings found pooled. */
  private boolean pooledRemembered(String s) {
    for (String p : pooledSent) {
      if (p == s) {
        return true;
      }
    }
    if (!pooled(s)) {
      return false;
    }
    pooledSent[pooledSentNext] = s;
    pooledSentNext = (pooledSentNext + 1) % POOLED_KEPT;
    return true;
  }

  /** The pool's string for these UTF-8 bytes (one that arrived as pooled). */
  private String pooledString(byte[] utf8) {
    for (int i = 0; i < POOLED_KEPT; i++) {
      if (pooledReceivedBytes[i] != null && java.util.Arrays.equals(pooledReceivedBytes[i], utf8)) {
        return pooledReceived[i];
      }
    }
    String s = new String(utf8, StandardCharsets.UTF_8).intern();
    pooledReceivedBytes[pooledReceivedNext] = utf8;
    pooledReceived[pooledReceivedNext] = s;
    pooledReceivedNext = (pooledReceivedNext + 1) % POOLED_KEPT;
    return s;
  }

  /** The two messages every call sends (the driver's call, each rank's reply): written without the generic walk. */
  private static final int CALL = RECORDS.indexOf(Messages.Call.class);
  private static final int REPLY = RECORDS.indexOf(Messages.Reply.class);

  /**
   * Whether {@code message} holds only types this codec writes. Every message of every call is asked,
   * so the common shapes are answered without allocating: the two per-call records by their accessors,
   * arrays whose elements are leaves (strings, boxed primitives, primitive arrays) without remembering
   * them. Only an array holding arrays or records is remembered, so that an array containing itself is
   * walked once.
   */
  static boolean encodable(Object message) {
    return plain(message) || encodable(message, new Walk());
  }

  /**
   * The common case, answered without the walk (so the JIT compiles only this for warm calls): a call
   * whose arguments and statics are leaves, without a receiver; a reply whose value is a leaf, without
   * failure, with leaves (or nothing) to write back; a leaf.
   */
  private static boolean plain(Object message) {
    if (message instanceof Messages.Call c) {
      return c.receiver() == null && leaves(c.args()) && leaves(c.staticNames()) && leaves(c.staticValues());
    }
    if (message instanceof Messages.Reply r) {
      return r.failure() == null && leaf(r.value()) && leaves(r.writeBacks());
    }
    return leaf(message);
  }

  /** Whether the array is of a class the codec writes and every element is a {@link #leaf} (true for {@code null}). */
  private static boolean leaves(Object[] a) {
    if (a == null) {
      return true;
    }
    if (a.getClass() != Object[].class && a.getClass() != String[].class && elementOf(a.getClass()) == null) {
      return false;
    }
    for (Object e : a) {
      if (!leaf(e)) {
        return false;
      }
    }
    return true;
  }

  /** The reference arrays being or already walked, made at the first that needs it. */
  private static final class Walk {
    private IdentityHashMap<Object, Boolean> seen;

    /** Whether {@code array} is walked for the first time (and is now remembered). */
    boolean first(Object array) {
      if (seen == null) {
        seen = new IdentityHashMap<>();
      }
      return seen.put(array, Boolean.TRUE) == null;
    }
  }

  /** A value with nothing inside to check: null, strings, boxed primitives, stack trace elements, primitive arrays. */
  private static boolean leaf(Object v) {
    return v == null || v instanceof String || v instanceof Long || v instanceof Integer || v instanceof Double
        || v instanceof Boolean || v instanceof Float || v instanceof Short || v instanceof Byte || v instanceof Character
        || v instanceof StackTraceElement || v.getClass().isArray() && v.getClass().getComponentType().isPrimitive();
  }

  private static boolean encodable(Object v, Walk walk) {
    if (leaf(v)) {
      return true;
    }
    if (v instanceof Messages.Call c) {
      return encodable(c.args(), walk) && encodable(c.staticNames(), walk) && encodable(c.staticValues(), walk)
          && encodable(c.receiver(), walk); // id, methodKey and writeBack are leaves
    }
    if (v instanceof Messages.Reply r) {
      return encodable(r.value(), walk) && encodable(r.failure(), walk) && encodable(r.writeBacks(), walk);
    }
    Class<?> c = v.getClass();
    if (c.isArray()) {
      return elementOf(c) != null && elementsEncodable((Object[]) v, walk);
    }
    int index = RECORDS.indexOf(c);
    if (index < 0) {
      return false;
    }
    for (RecordShape.Component k : SHAPES[index].components) {
      if (!k.type.isPrimitive() && !encodable(k.get(v), walk)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an array's elements are encodable: leaves are checked in place; the array is remembered
   * before the first element that is not one is walked (an array may contain itself).
   */
  private static boolean elementsEncodable(Object[] a, Walk walk) {
    boolean remembered = false;
    for (Object e : a) {
      if (leaf(e)) {
        continue;
      }
      if (!remembered) {
        if (!walk.first(a)) {
          return true; // walked already, or being walked further up
        }
        remembered = true;
      }
      if (!encodable(e, walk)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s} is the string pool's object for its value. Asking with a copy leaves the pool as
   * it would be after the receiver's {@code intern()}: when {@code s} is not pooled, the copy becomes the
   * pool's object (never {@code s} itself, which would make a later check of {@code s} wrongly true).
   */
  static boolean pooled(String s) {
    return new String(s).intern() == s;
  }

  /** Writes an {@link #encodable} message. */
  void write(DataOutputStream out, Object message) throws IOException {
    new Writer(out, false).value(message);
  }

  /** {@link #write} with every record written through its accessors (tests: the per-call records' bytes agree). */
  void writeByShape(DataOutputStream out, Object message) throws IOException {
    new Writer(out, true).value(message);
  }

  /** Reads one message written by {@link #write}. */
  Object read(DataInputStream in) throws IOException {
    return new Reader(in).value();
  }

  private final class Writer {
    private final DataOutputStream out;
    private final IdentityHashMap<Object, Integer> handles = new IdentityHashMap<>();
    /** How many {@code String[]} (at any depth) are being written around the current value. */
    private int stringArrays;

    /** Whether the per-call records are written by shape too (tests). */
    private final boolean byShapeOnly;

    Writer(DataOutputStream out, boolean byShapeOnly) {
      this.out = out;
      this.byShapeOnly = byShapeOnly;
    }

    void value(Object v) throws IOException {
      if (v == null) {
        out.writeByte(NULL);
        return;
      }
      Integer handle = handles.get(v);
      if (handle != null) {
        out.writeByte(BACK_REFERENCE);
        out.writeInt(handle);
        return;
      }
      handles.put(v, handles.size());
      if (v instanceof String s) {
        out.writeByte(stringArrays == 0 && pooledRemembered(s) ? INTERNED_STRING : STRING);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      } else if (v instanceof Integer i) {
        out.writeByte(INT);
        out.writeInt(i);
      } else if (v instanceof Long l) {
        out.writeByte(LONG);
        out.writeLong(l);
      } else if (v instanceof Double d) {
        out.writeByte(DOUBLE);
        out.writeLong(Double.doubleToRawLongBits(d)); // writeDouble would fold NaN payloads into one
      } else if (v instanceof Boolean b) {
        out.writeByte(BOOLEAN);
        out.writeBoolean(b);
      } else if (v instanceof Float f) {
        out.writeByte(FLOAT);
        out.writeInt(Float.floatToRawIntBits(f)); // writeFloat would fold NaN payloads into one
      } else if (v instanceof Short s) {
        out.writeByte(SHORT);
        out.writeShort(s);
      } else if (v instanceof Byte b) {
        out.writeByte(BYTE);
        out.writeByte(b);
      } else if (v instanceof Character c) {
        out.writeByte(CHAR);
        out.writeChar(c);
      } else if (v instanceof StackTraceElement e) {
        out.writeByte(STACK_TRACE_ELEMENT);
        value(e.getClassLoaderName());
        value(e.getModuleName());
        value(e.getModuleVersion());
        value(e.getClassName());
        value(e.getMethodName());
        value(e.getFileName());
        out.writeInt(e.getLineNumber());
      } else if (v.getClass().isArray()) {
        array(v);
      } else if (v instanceof Messages.Call c && !byShapeOnly) {
        // The components in their order, as byShape writes them (WireCodecTest compares the bytes).
        out.writeByte(RECORD);
        out.writeByte(CALL);
        out.writeLong(c.id());
        value(c.methodKey());
        value(c.args());
        value(c.staticNames());
        value(c.staticValues());
        value(c.writeBack());
        value(c.receiver());
      } else if (v instanceof Messages.Reply r && !byShapeOnly) {
        out.writeByte(RECORD);
        out.writeByte(REPLY);
        out.writeLong(r.id());
        out.writeInt(r.rank());
        value(r.value());
        value(r.failure());
        value(r.writeBacks());
      } else {
        byShape(v);
      }
    }

    /** A record written component by component through its accessors (every record but the per-call two). */
    private void byShape(Object v) throws IOException {
      int index = RECORDS.indexOf(v.getClass());
      if (index < 0) {
        throw new IOException("not encodable: " + v.getClass().getName());
      }
      out.writeByte(RECORD);
      out.writeByte(index);
      for (RecordShape.Component k : SHAPES[index].components) {
        component(k, k.get(v));
      }
    }

    private void component(RecordShape.Component k, Object v) throws IOException {
      Class<?> t = k.type;
      if (t == long.class) {
        out.writeLong((Long) v);
      } else if (t == int.class) {
        out.writeInt((Integer) v);
      } else if (t == boolean.class) {
        out.writeBoolean((Boolean) v);
      } else if (t.isPrimitive()) {
        throw new IOException("record component of type " + t + " is not supported");
      } else {
        value(v);
      }
    }

    private void array(Object a) throws IOException {
      Class<?> component = a.getClass().getComponentType();
      if (!component.isPrimitive()) {
        out.writeByte(REFERENCE_ARRAY);
        byte[] name = a.getClass().getName().getBytes(StandardCharsets.UTF_8);
        out.writeShort(name.length);
        out.write(name);
        Object[] objects = (Object[]) a;
        out.writeInt(objects.length);
        boolean strings = elementOf(a.getClass()) == String.class;
        stringArrays += strings ? 1 : 0;
        for (Object e : objects) {
          value(e);
        }
        stringArrays -= strings ? 1 : 0;
        return;
      }
      out.writeByte(PRIMITIVE_ARRAY);
      int n = Array.getLength(a);
      out.writeByte(primitiveCode(component));
      out.writeInt(n);
      if (component == boolean.class) {
        boolean[] b = (boolean[]) a;
        for (boolean x : b) {
          out.writeBoolean(x);
        }
        return;
      }
      if (component == byte.class) {
        out.write((byte[]) a);
        return;
      }
      int width = width(component);
      int perRound = scratch.capacity() / width;
      for (int off = 0; off < n; off += perRound) {
        int len = Math.min(perRound, n - off);
        scratch.clear();
        if (component == double.class) {
          scratch.asDoubleBuffer().put((double[]) a, off, len);
        } else if (component == long.class) {
          scratch.asLongBuffer().put((long[]) a, off, len);
        } else if (component == int.class) {
          scratch.asIntBuffer().put((int[]) a, off, len);
        } else if (component == float.class) {
          scratch.asFloatBuffer().put((float[]) a, off, len);
        } else if (component == short.class) {
          scratch.asShortBuffer().put((short[]) a, off, len);
        } else {
          scratch.asCharBuffer().put((char[]) a, off, len);
        }
        out.write(scratch.array(), 0, len * width);
      }
    }
  }

  private final class Reader {
    private final DataInputStream in;
    private final List<Object> handles = new ArrayList<>();

    Reader(DataInputStream in) {
      this.in = in;
    }

    Object value() throws IOException {
      byte tag = in.readByte();
      switch (tag) {
        case NULL:
          return null;
        case BACK_REFERENCE: {
          int h = in.readInt();
          if (h < 0 || h >= handles.size()) {
            throw new IOException("rejected message: bad back-reference " + h);
          }
          return handles.get(h);
        }
        case STRING:
        case INTERNED_STRING: {
          int n = in.readInt();
          if (n < 0) {
            throw new IOException("rejected message: negative string length");
          }
          byte[] utf8 = new byte[n];
          in.readFully(utf8);
          return keep(tag == INTERNED_STRING ? pooledString(utf8) : new String(utf8, StandardCharsets.UTF_8));
        }
        case INT: return keep(in.readInt());
        case LONG: return keep(in.readLong());
        case DOUBLE: return keep(in.readDouble());
        case BOOLEAN: return keep(in.readBoolean());
        case FLOAT: return keep(in.readFloat());
        case SHORT: return keep(in.readShort());
        case BYTE: return keep(in.readByte());
        case CHAR: return keep(in.readChar());
        case STACK_TRACE_ELEMENT: {
          int slot = reserve();
          String loader = string(value());
          String module = string(value());
          String version = string(value());
          String declaring = string(value());
          String method = string(value());
          String file = string(value());
          int line = in.readInt();
          if (declaring == null || method == null) {
            throw new IOException("rejected message: stack trace element without class or method");
          }
          return fill(slot, new StackTraceElement(loader, module, version, declaring, method, file, line));
        }
        case PRIMITIVE_ARRAY: return primitiveArray();
        case REFERENCE_ARRAY: return referenceArray();
        case RECORD: return record();
        default:
          throw new IOException("rejected message: unknown tag " + tag);
      }
    }

    private Object keep(Object v) {
      handles.add(v);
      return v;
    }

    private int reserve() {
      handles.add(null);
      return handles.size() - 1;
    }

    private Object fill(int slot, Object v) {
      handles.set(slot, v);
      return v;
    }

    private String string(Object v) throws IOException {
      if (v == null || v instanceof String) {
        return (String) v;
      }
      throw new IOException("rejected message: expected a string, found " + v.getClass().getName());
    }

    private Object primitiveArray() throws IOException {
      Class<?> component = primitiveOf(in.readByte());
      int n = in.readInt();
      if (n < 0) {
        throw new IOException("rejected message: negative array length");
      }
      Object a = keep(Array.newInstance(component, n));
      if (component == boolean.class) {
        boolean[] b = (boolean[]) a;
        for (int i = 0; i < n; i++) {
          b[i] = in.readBoolean();
        }
        return a;
      }
      if (component == byte.class) {
        in.readFully((byte[]) a);
        return a;
      }
      int width = width(component);
      int perRound = scratch.capacity() / width;
      for (int off = 0; off < n; off += perRound) {
        int len = Math.min(perRound, n - off);
        in.readFully(scratch.array(), 0, len * width);
        scratch.clear();
        if (component == double.class) {
          scratch.asDoubleBuffer().get((double[]) a, off, len);
        } else if (component == long.class) {
          scratch.asLongBuffer().get((long[]) a, off, len);
        } else if (component == int.class) {
          scratch.asIntBuffer().get((int[]) a, off, len);
        } else if (component == float.class) {
          scratch.asFloatBuffer().get((float[]) a, off, len);
        } else if (component == short.class) {
          scratch.asShortBuffer().get((short[]) a, off, len);
        } else {
          scratch.asCharBuffer().get((char[]) a, off, len);
        }
      }
      return a;
    }

    private Object referenceArray() throws IOException {
      byte[] nameBytes = new byte[in.readUnsignedShort()];
      in.readFully(nameBytes);
      Class<?> type = arrayType(new String(nameBytes, StandardCharsets.UTF_8));
      int n = in.readInt();
      if (n < 0) {
        throw new IOException("rejected message: negative array length");
      }
      // The two classes every call carries (its arguments, the names of its statics) have their own
      // paths, each storing into an array of one exact class: the stores and copies the JIT compiles
      // then never meet a second array class, which made it trap and compile the reader again.
      if (type == Object[].class) {
        Object[] plain = new Object[n];
        keep(plain);
        for (int i = 0; i < n; i++) {
          plain[i] = value();
        }
        return plain;
      }
      if (type == String[].class) {
        String[] strings = new String[n];
        keep(strings);
        for (int i = 0; i < n; i++) {
          Object e = value();
          if (e != null && !(e instanceof String)) {
            throw new IOException("rejected message: a " + e.getClass().getName() + " in a " + type.getName());
          }
          strings[i] = (String) e;
        }
        return strings;
      }
      Object[] a = (Object[]) Array.newInstance(type.getComponentType(), n);
      keep(a);
      // Elements go into a plain Object[] and are copied over once: a store into an array whose
      // class varies from message to message made the JIT speculate on the class, trap on the next
      // one and compile this whole reader again (a driver spent several ms of CPU per call on it).
      // System.arraycopy speculates on the destination's class as well: only the rarer classes
      // (stack traces, class bytes, arrays of arrays) come this way.
      Object[] read = new Object[n];
      for (int i = 0; i < n; i++) {
        Object e = value();
        if (e != null && !type.getComponentType().isInstance(e)) {
          throw new IOException("rejected message: a " + e.getClass().getName() + " in a " + type.getName());
        }
        read[i] = e;
      }
      System.arraycopy(read, 0, a, 0, n);
      return a;
    }

    private Object record() throws IOException {
      int index = in.readUnsignedByte();
      if (index >= RECORDS.size()) {
        throw new IOException("rejected message: unknown record " + index);
      }
      RecordShape shape = SHAPES[index];
      int slot = reserve();
      Object[] values = new Object[shape.components.length];
      for (int k = 0; k < values.length; k++) {
        Class<?> t = shape.components[k].type;
        if (t == long.class) {
          values[k] = in.readLong();
        } else if (t == int.class) {
          values[k] = in.readInt();
        } else if (t == boolean.class) {
          values[k] = in.readBoolean();
        } else {
          Object v = value();
          if (v != null && !t.isInstance(v)) {
            throw new IOException("rejected message: " + RECORDS.get(index).getSimpleName() + "." + shape.components[k].name
                + " cannot be a " + v.getClass().getName());
          }
          values[k] = v;
        }
      }
      try {
        return fill(slot, (Object) shape.constructor.invokeExact(values));
      } catch (Throwable t) {
        throw new IOException("rejected message: " + RECORDS.get(index).getSimpleName() + ": " + t, t);
      }
    }
  }

  /** The array class named by {@code name}, when its element type is one the codec knows. */
  private static Class<?> arrayType(String name) throws IOException {
    int dims = 0;
    while (dims < name.length() && name.charAt(dims) == '[') {
      dims++;
    }
    String element = name.substring(dims);
    Class<?> c = element.length() == 1 ? primitiveByDescriptor(element.charAt(0))
        : element.startsWith("L") && element.endsWith(";") ? ELEMENTS.get(element.substring(1, element.length() - 1)) : null;
    if (dims == 0 || dims > 16 || c == null || dims == 1 && c.isPrimitive()) {
      throw new IOException("rejected message: array type " + name);
    }
    for (int d = 0; d < dims; d++) {
      c = c.arrayType();
    }
    return c;
  }

  private static Class<?> elementOf(Class<?> arrayClass) {
    Class<?> c = arrayClass;
    while (c.isArray()) {
      c = c.getComponentType();
    }
    return c.isPrimitive() || ELEMENTS.containsKey(c.getName()) ? c : null;
  }

  private static Map<String, Class<?>> elementTypes() {
    Map<String, Class<?>> m = new java.util.HashMap<>();
    for (Class<?> c : List.of(Object.class, String.class, Number.class, Integer.class, Long.class, Double.class,
        Float.class, Short.class, Byte.class, Character.class, Boolean.class, StackTraceElement.class)) {
      m.put(c.getName(), c);
    }
    for (Class<?> c : RECORDS) {
      m.put(c.getName(), c);
    }
    return Map.copyOf(m);
  }

  private static Class<?> primitiveByDescriptor(char d) {
    switch (d) {
      case 'Z': return boolean.class;
      case 'B': return byte.class;
      case 'S': return short.class;
      case 'C': return char.class;
      case 'I': return int.class;
      case 'J': return long.class;
      case 'F': return float.class;
      case 'D': return double.class;
      default: return null;
    }
  }

  private static final String PRIMITIVES = "ZBSCIJFD";

  private static byte primitiveCode(Class<?> c) {
    for (int i = 0; i < PRIMITIVES.length(); i++) {
      if (primitiveByDescriptor(PRIMITIVES.charAt(i)) == c) {
        return (byte) i;
      }
    }
    throw new IllegalArgumentException(c.getName());
  }

  private static Class<?> primitiveOf(byte code) throws IOException {
    if (code < 0 || code >= PRIMITIVES.length()) {
      throw new IOException("rejected message: unknown primitive type " + code);
    }
    return primitiveByDescriptor(PRIMITIVES.charAt(code));
  }

  private static int width(Class<?> c) {
    return c == double.class || c == long.class ? 8 : c == int.class || c == float.class ? 4 : 2;
  }

  /**
   * A record's components with their accessors, and its canonical constructor. Both handles are
   * adapted once to one erased type ({@code (Object)Object}, {@code (Object[])Object}) and called with
   * {@code invokeExact}: {@code invoke}/{@code invokeWithArguments} on a handle that differs from record
   * to record convert types at every call, and the JIT inlined that generic machinery into the
   * recursive reader, compiling it into some 40 KB of code that took ~0.8 s of a worker's compiler
   * time, several times over, while a warm program's calls ran.
   */
  private static final class RecordShape {
    final Component[] components;
    /** The canonical constructor taking the components as one {@code Object[]}: {@code (Object[])Object}. */
    final MethodHandle constructor;

    RecordShape(Class<?> type) throws ReflectiveOperationException {
      RecordComponent[] rc = type.getRecordComponents();
      components = new Component[rc.length];
      Class<?>[] types = new Class<?>[rc.length];
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      for (int k = 0; k < rc.length; k++) {
        types[k] = rc[k].getType();
        components[k] = new Component(rc[k].getName(), types[k],
            lookup.unreflect(rc[k].getAccessor()).asType(MethodType.methodType(Object.class, Object.class)));
      }
      constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
          .asSpreader(Object[].class, types.length).asType(MethodType.methodType(Object.class, Object[].class));
    }

    /** A component: its name, type and accessor adapted to {@code (Object)Object}. */
    record Component(String name, Class<?> type, MethodHandle accessor) {
      Object get(Object record) {
        try {
          return (Object) accessor.invokeExact(record);
        } catch (Throwable t) {
          throw new IllegalStateException("reading " + name + " of " + record.getClass().getName(), t);
        }
      }
    }
  }

  private static RecordShape[] shapes() {
    RecordShape[] out = new RecordShape[RECORDS.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = new RecordShape(RECORDS.get(i));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
    return out;
  }
}
