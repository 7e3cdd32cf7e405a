package dev.parjit.agent.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a compiled class depends on, hashed into the name of its cache entry. Two runs share
 * an entry only when every input is equal; anything else that could change the code (a class the
 * frames were computed against) is checked when the entry is loaded, see {@link CacheEntry}.
 *
 * @param className      internal name of the class
 * @param classBytes     the class as the JVM handed it to the agent
 * @param compiler       Parjit's version and build fingerprint ({@link CompilerVersion})
 * @param role           {@code DRIVER}, {@code WORKER} or {@code SPMD}
 * @param jitPatterns    the {@code jit=} option: it selects methods
 * @param strict         the {@code strict} option: it inserts failing calls
 * @param specialization {@link #DEFAULT_SPECIALIZATION} for the class as compiled at load, or one
 *                       method's specialization, {@code name(desc)#key} (see {@code SpecializationKey})
 */
public record CacheKey(String className, byte[] classBytes, String compiler, String role, List<String> jitPatterns,
    boolean strict, String specialization) {

  /** The class as the agent compiles it when it loads. */
  public static final String DEFAULT_SPECIALIZATION = "default";

  public CacheKey {
    jitPatterns = List.copyOf(jitPatterns);
  }

  /** The key as 64 lower-case hex digits: SHA-256 of every input, each length-prefixed. */
  public String hex() {
    MessageDigest sha = sha256();
    field(sha, "parjit-compile-cache/" + EntryCodec.FORMAT_VERSION);
    field(sha, className);
    field(sha, classBytes);
    field(sha, compiler);
    field(sha, role);
    field(sha, Integer.toString(jitPatterns.size()));
    jitPatterns.forEach(p -> field(sha, p));
    field(sha, Boolean.toString(strict));
    field(sha, specialization);
    return HexFormat.of().formatHex(sha.digest());
  }

  // Length prefixes keep ("ab","c") and ("a","bc") apart.
  private static void field(MessageDigest sha, String s) {
    field(sha, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void field(MessageDigest sha, byte[] b) {
    int n = b.length;
    sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    sha.update(b);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** SHA-256 of {@code bytes} in hex. */
  static String digest(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }
}
