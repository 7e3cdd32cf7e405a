package dev.parjit.agent.startup;

import dev.parjit.agent.CompiledClasses;
import dev.parjit.transforms.JitSelection;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which kind of archive the worker and driver archives are on the running JDK: from JDK 25 an
 * ahead-of-time cache (JEP 483: the dump also loads and links the listed classes, resolves their
 * constant pools and lambda call sites, and the JVM loads them all at start), before it a plain
 * class-data-sharing archive. Both come from the same class list and the same {@code -Xshare:dump};
 * the cache only adds {@code -XX:+AOTClassLinking}.
 *
 * <p>An AOT cache is used only by a JVM whose module graph is the dump's: the same
 * {@code --add-opens}, {@code --add-exports}, {@code --add-modules} (an agent adds
 * {@code java.instrument}), {@code --enable-native-access}, ... ; otherwise the JVM runs without it
 * (and says so on its output, hence {@link #quietOptions}). So the dump is given the module options
 * of the JVMs that will map it ({@link #moduleOptions}), and they are part of the archive's name.
 *
 * <p>A class the JVM takes from an AOT cache is loaded at start-up, before the agent, and never
 * reaches its transformer: a {@code @Jit} class archived so would run sequentially on every process
 * without a word. So the dump's class list leaves out every class the agent compiles
 * ({@link #withoutCompiledClasses}, by {@link CompiledClasses}, the transformer's own test, with the
 * {@code jit=} patterns of the program, {@value #JIT_PATTERNS_PROPERTY}); they load from their jars
 * as on a JVM without an archive.
 *
 * <p>Why not JDK 25's training run ({@code -XX:AOTCacheOutput}, which also stores method profiles):
 * it writes the cache when the trained JVM exits normally, and a worker is stopped by its driver
 * (killed at the driver's exit); and measured on the Parquet mean, the sequential program's cold
 * run used as much CPU with the training-run cache (1.21-1.22 s) as with this one (1.02-1.21 s;
 * none: 1.6-1.8 s), on JDK 25.0 on the shared 2-core machine.
 */
public final class AotClassLinking {

  /** The first JDK whose archives this makes AOT caches. */
  static final int FIRST_FEATURE = 25;

  /** System property of the dump's JVM: the program's {@code jit=} patterns, {@code ;}-separated. */
  public static final String JIT_PATTERNS_PROPERTY = "parjit.archive.jitPatterns";

  private AotClassLinking() { }

  /** Whether the running JDK's archives are AOT caches. */
  public static boolean supported() {
    return supported(Runtime.version().feature());
  }

  static boolean supported(int feature) {
    return feature >= FIRST_FEATURE;
  }

  /**
   * The options of {@code jvmOptions} (a JVM's command line options, in order) that shape its module
   * graph, in the form the dump takes them: {@code -javaagent} becomes
   * {@code --add-modules=java.instrument}, which the JVM adds for it at that place.
   */
  public static List<String> moduleOptions(List<String> jvmOptions) {
    List<String> out = new ArrayList<>();
    for (String o : jvmOptions) {
      if (o.startsWith("-javaagent:")) {
        out.add("--add-modules=java.instrument");
      } else if (o.startsWith("--add-opens=") || o.startsWith("--add-exports=") || o.startsWith("--add-reads=")
          || o.startsWith("--add-modules=") || o.startsWith("--enable-native-access=") || o.startsWith("--limit-modules=")
          || o.startsWith("--patch-module=") || o.startsWith("--module-path=") || o.startsWith("--upgrade-module-path=")) {
        out.add(o);
      }
    }
    return out;
  }

  /**
   * The options of the {@code -Xshare:dump} JVM beyond its class list, archive and class path:
   * {@code -XX:+AOTClassLinking} and the module options of the JVMs that will use the archive, on a
   * JDK with AOT caches; none before.
   */
  public static List<String> dumpOptions(List<String> moduleOptions) {
    if (!supported()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(List.of("-XX:+AOTClassLinking"));
    out.addAll(moduleOptions);
    return out;
  }

  /**
   * Log options for a JVM mapping an archive: nothing on its output when the archive does not fit
   * (the JVM then runs without it). JDK 25 reports an AOT cache under the {@code aot} tag, which
   * older JVMs reject.
   */
  public static List<String> quietOptions() {
    return supported() ? List.of("-Xlog:cds=off", "-Xlog:aot=off") : List.of("-Xlog:cds=off");
  }

  /** Whether a dump with these options makes an AOT cache. */
  static boolean linksAheadOfTime(List<String> dumpOptions) {
    return dumpOptions.contains("-XX:+AOTClassLinking");
  }

  /**
   * The class list's lines without the classes the agent compiles (as read from {@code classpath},
   * under {@code jitPatterns}) and without the lambda proxies of those classes. Classes not on the
   * class path (the JDK's) stay.
   */
  static List<String> withoutCompiledClasses(List<String> lines, String classpath, List<String> jitPatterns)
      throws IOException {
    JitSelection selection = new JitSelection(jitPatterns);
    List<URL> urls = new ArrayList<>();
    for (String e : classpath.split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        try {
          urls.add(Path.of(e).toUri().toURL());
        } catch (MalformedURLException bad) {
          throw new IOException("bad class path entry " + e, bad);
        }
      }
    }
    Set<String> compiled = new HashSet<>();
    List<String> out = new ArrayList<>();
    try (URLClassLoader jars = new URLClassLoader(urls.toArray(URL[]::new), null)) {
      for (String l : lines) {
        if (!l.startsWith("@") && !l.isBlank()) {
          String name = l.split(" ", 2)[0];
          URL file = jars.findResource(name + ".class");
          if (file != null) {
            try (InputStream in = file.openStream()) {
              if (CompiledClasses.compiles(selection, name, in.readAllBytes())) {
                compiled.add(name);
                continue;
              }
            }
          }
        } else if (l.startsWith("@lambda-proxy ")) {
          String owner = l.split(" ", 3)[1].replace('.', '/');
          if (compiled.contains(owner)) {
            continue;
          }
        }
        out.add(l);
      }
    }
    return out;
  }

  /** {@code p1;p2} as a list (none when blank). */
  static List<String> patterns(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(";"));
  }
}
