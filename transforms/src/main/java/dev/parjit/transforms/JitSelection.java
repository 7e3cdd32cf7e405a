package dev.parjit.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds the methods of a class that Parjit compiles: those annotated {@code @dev.parjit.Jit}
 * (class retention, so ASM sees them as invisible annotations) and those matched by a
 * {@code jit=} pattern {@code pkg.Class#method} where {@code *} matches any run of characters.
 */
public final class JitSelection {

  /** Descriptor of the annotation. */
  public static final String JIT_DESC = "Ldev/parjit/Jit;";

  /** A selected method with the annotation's {@code spawn} element. */
  public record Selected(MethodNode method, boolean spawn, java.util.Set<String> distributed,
      java.util.Set<String> replicated) { }

  private final List<Pattern> patterns = new ArrayList<>();
  private final List<Pattern> classPatterns = new ArrayList<>();
  private final List<String> sources;

  public JitSelection(List<String> jitPatterns) {
    this.sources = List.copyOf(jitPatterns);
    for (String p : jitPatterns) {
      if (!p.contains("#")) {
        throw new IllegalArgumentException("jit pattern '" + p + "' must look like pkg.Class#method");
      }
      patterns.add(Pattern.compile(glob(p)));
      classPatterns.add(Pattern.compile(glob(p.substring(0, p.indexOf('#')))));
    }
  }

  private static String glob(String p) {
    StringBuilder re = new StringBuilder();
    for (String part : p.split("\\*", -1)) {
      if (re.length() > 0) {
        re.append(".*");
      }
      re.append(Pattern.quote(part));
    }
    return re.toString();
  }

  /** Whether a pattern names this class, so its methods must be looked at. */
  public boolean mayMatchClass(String internalName) {
    String dotted = internalName.replace('/', '.');
    return classPatterns.stream().anyMatch(p -> p.matcher(dotted).matches());
  }

  /** The patterns (as written) that name one of {@code methodNames} of class {@code internalName}. */
  public List<String> patternsMatching(String internalName, List<String> methodNames) {
    String dotted = internalName.replace('/', '.');
    List<String> out = new ArrayList<>();
    for (int k = 0; k < patterns.size(); k++) {
      Pattern p = patterns.get(k);
      if (methodNames.stream().anyMatch(m -> p.matcher(dotted + "#" + m).matches())) {
        out.add(sources.get(k));
      }
    }
    return out;
  }

  /** The selected methods of {@code cls}, in declaration order. */
  public List<Selected> select(ClassNode cls) {
    List<Selected> out = new ArrayList<>();
    String dotted = cls.name.replace('/', '.');
    for (MethodNode m : cls.methods) {
      if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
        continue;
      }
      AnnotationNode jit = jitAnnotation(m);
      if (jit != null) {
        out.add(new Selected(m, booleanElement(jit, "spawn", true), stringsElement(jit, "distributed"),
            stringsElement(jit, "replicated")));
      } else if (isPlainMethod(m) && patterns.stream().anyMatch(p -> p.matcher(dotted + "#" + m.name).matches())) {
        out.add(new Selected(m, true, java.util.Set.of(), java.util.Set.of()));
      }
    }
    return out;
  }

  /** Patterns select source methods: never constructors, initializers, bridges or lambda bodies. */
  private static boolean isPlainMethod(MethodNode m) {
    return !m.name.startsWith("<") && (m.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0;
  }

  private static AnnotationNode jitAnnotation(MethodNode m) {
    for (List<AnnotationNode> list : List.of(nullToEmpty(m.invisibleAnnotations), nullToEmpty(m.visibleAnnotations))) {
      for (AnnotationNode a : list) {
        if (JIT_DESC.equals(a.desc)) {
          return a;
        }
      }
    }
    return null;
  }

  private static <T> List<T> nullToEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  @SuppressWarnings("unchecked")
  private static java.util.Set<String> stringsElement(AnnotationNode a, String name) {
    if (a.values != null) {
      for (int i = 0; i + 1 < a.values.size(); i += 2) {
        if (name.equals(a.values.get(i))) {
          return java.util.Set.copyOf((List<String>) a.values.get(i + 1));
        }
      }
    }
    return java.util.Set.of();
  }

  private static boolean booleanElement(AnnotationNode a, String name, boolean dflt) {
    if (a.values != null) {
      for (int i = 0; i + 1 < a.values.size(); i += 2) {
        if (name.equals(a.values.get(i))) {
          return (Boolean) a.values.get(i + 1);
        }
      }
    }
    return dflt;
  }
}
