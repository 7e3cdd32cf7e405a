package dev.parjit.transforms;

/**
 * A method Parjit could not rewrite; its original code runs.
 *
 * @param className internal name of the class
 * @param method    method name and descriptor
 * @param reason    why, in one line
 */
public record MethodFailure(String className, String method, String reason) {

  @Override
  public String toString() {
    return className.replace('/', '.') + "." + method + ": " + reason;
  }
}
