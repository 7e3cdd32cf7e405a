package dev.parjit.it.agent;

import dev.parjit.Jit;

/**
 * Two spawn-mode calls of a parallel sum ({@code RESULT <sum>} twice). With {@code -Dcoverage.xml=true}
 * (which the workers inherit) its class initializer parses a little XML on every process: some 450
 * JDK classes a run without it never loads, so an archive recorded without it lacks them.
 */
public final class CoverageMain {

  static {
    if (Boolean.getBoolean("coverage.xml")) {
      try {
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream("<a b='1'><c/></a>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        javax.xml.transform.TransformerFactory.newInstance().newTransformer();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private CoverageMain() { }

  @Jit
  static double sumOfSquares(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * a[i];
    }
    return s;
  }

  public static void main(String[] args) throws InterruptedException {
    double[] a = new double[10_001];
    for (int i = 0; i < a.length; i++) {
      a[i] = i % 13;
    }
    System.out.println("RESULT " + sumOfSquares(a));
    Thread.sleep(1000); // a program that goes on after its first answer: rank 0 checks its archive meanwhile
    System.out.println("RESULT " + sumOfSquares(a));
  }
}
