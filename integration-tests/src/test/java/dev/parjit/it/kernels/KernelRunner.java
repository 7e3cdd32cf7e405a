package dev.parjit.it.kernels;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls every kernel over the sizes of the differential suite and returns one result line per
 * call: {@code RESULT <kernel> <n> <value>}. Run as a main (every SPMD rank prints its lines) or
 * called in-process without the agent (the sequential oracle).
 */
public final class KernelRunner {

  /** Sizes: empty, smaller than the rank counts, odd, and one large. */
  public static final int[] SIZES = {0, 1, 2, 3, 7, 100, 1000, 100_003};

  /** Kernels whose loops must be parallel, by method name. */
  public static final List<String> PARALLEL = List.of("monteCarloPi", "sumOfSquares", "dot", "variance",
      "minPlusMax", "bitsAndProduct", "anyAllCount", "strideFloat", "triangle", "printIterations", "saxpy", "sumOfSquaresArray", "oddSquares",
      "matVec", "longSquares", "stencil", "histogram", "intSum", "intProd", "intMinMax", "intBits", "longSum",
      "longProd", "longMinMax", "longBits", "floatSum", "floatMinMax", "floatProd", "doubleProd", "doubleMinMax",
      "doubleSubtract", "anyNegative", "allAboveMinimum", "evenCounter", "endsBeforeLast", "distributedSum",
      "callsJit", "matMul", "rowTable", "countDownSum", "stridedDown", "flatTable", "jacobi", "wideStencil", "spread",
      "csrRows", "cooScatter", "argmax", "argmin");

  /** Kernels whose parallel loops read through halos (stencils, CSR row pointers). */
  public static final List<String> HALOS = List.of("jacobi", "wideStencil", "spread", "csrRows");

  private KernelRunner() { }

  static double[] doubles(int n, int seed) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = ((i * 7919L + seed * 104729L) % 1000) / 8.0 - 40;
    }
    return a;
  }

  static double[][] matrix(int rows, int cols) {
    double[][] m = new double[rows][];
    for (int r = 0; r < rows; r++) {
      m[r] = doubles(cols, r);
    }
    return m;
  }

  static int[] ints(int n, int seed) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = (int) ((i * 2654435761L + seed) % 97);
    }
    return a;
  }

  public static List<String> results() {
    List<String> out = new ArrayList<>();
    for (int n : SIZES) {
      out.add(line("monteCarloPi", n, Double.toString(FreeLoopKernels.monteCarloPi(n))));
      out.add(line("sumOfSquares", n, Double.toString(FreeLoopKernels.sumOfSquares(n))));
      out.add(line("dot", n, Double.toString(FreeLoopKernels.dot(doubles(n, 1), doubles(n, 2)))));
      out.add(line("variance", n, Double.toString(FreeLoopKernels.variance(doubles(n, 3)))));
      out.add(line("minPlusMax", n, Long.toString(FreeLoopKernels.minPlusMax(ints(n, 4)))));
      out.add(line("bitsAndProduct", n, Long.toString(FreeLoopKernels.bitsAndProduct(ints(Math.min(n, 40), 5)))));
      out.add(line("anyAllCount", n, Integer.toString(FreeLoopKernels.anyAllCount(ints(n, 6)))));
      out.add(line("strideFloat", n, Float.toString(FreeLoopKernels.strideFloat(n))));
      out.add(line("triangle", n, Long.toString(FreeLoopKernels.triangle(n))));
      out.add(line("prefixLast", n, Double.toString(FreeLoopKernels.prefixLast(doubles(n, 7)))));
      out.add(line("firstAbove", n, Integer.toString(FreeLoopKernels.firstAbove(ints(n, 8), 90))));
      out.add(line("recurrence", n, Double.toString(FreeLoopKernels.recurrence(n))));
      double[] all = doubles(n, 14);
      int p = dev.parjit.Parjit.getSize();
      int r = dev.parjit.Parjit.getRank();
      double[] mine = java.util.Arrays.copyOfRange(all, r * (n / p) + Math.min(r, n % p),
          (r + 1) * (n / p) + Math.min(r + 1, n % p));
      out.add(line("callsJit", n, Double.toString(FreeLoopKernels.callsJit(n))));
      out.add(line("distributedSum", n, Double.toString(FreeLoopKernels.distributedSum(mine))));
      out.add(line("intSum", n, Integer.toString(OperatorKernels.intSum(n))));
      out.add(line("intProd", n, Integer.toString(OperatorKernels.intProd(n))));
      out.add(line("intMinMax", n, Integer.toString(OperatorKernels.intMinMax(n))));
      out.add(line("intBits", n, Integer.toString(OperatorKernels.intBits(n))));
      out.add(line("longSum", n, Long.toString(OperatorKernels.longSum(n))));
      out.add(line("longProd", n, Long.toString(OperatorKernels.longProd(n))));
      out.add(line("longMinMax", n, Long.toString(OperatorKernels.longMinMax(n))));
      out.add(line("longBits", n, Long.toString(OperatorKernels.longBits(n))));
      out.add(line("floatSum", n, Float.toString(OperatorKernels.floatSum(n))));
      out.add(line("floatMinMax", n, Float.toString(OperatorKernels.floatMinMax(n))));
      out.add(line("floatProd", n, Float.toString(OperatorKernels.floatProd(n))));
      out.add(line("doubleProd", n, Double.toString(OperatorKernels.doubleProd(n))));
      out.add(line("doubleMinMax", n, Double.toString(OperatorKernels.doubleMinMax(n))));
      out.add(line("doubleSubtract", n, Double.toString(OperatorKernels.doubleSubtract(n))));
      out.add(line("anyNegative", n, Boolean.toString(OperatorKernels.anyNegative(n))));
      out.add(line("allAboveMinimum", n, Boolean.toString(OperatorKernels.allAboveMinimum(n))));
      out.add(line("evenCounter", n, Long.toString(OperatorKernels.evenCounter(n))));
      out.add(line("endsBeforeLast", n, Integer.toString(OperatorKernels.endsBeforeLast(ints(n, 11)))));
      out.add(line("argmax", n, Integer.toString(OperatorKernels.argmax(doubles(n, 12)))));
      out.add(line("argmin", n, Integer.toString(OperatorKernels.argmin(ints(n, 13)))));
      out.add(line("saxpy", n, java.util.Arrays.toString(ArrayKernels.saxpy(n, 2.5f)).hashCode() + "#" + n));
      out.add(line("sumOfSquaresArray", n, Double.toString(ArrayKernels.sumOfSquaresArray(n))));
      out.add(line("oddSquares", n, Integer.toString(java.util.Arrays.hashCode(ArrayKernels.oddSquares(n)))));
      out.add(line("matVec", n, Integer.toString(java.util.Arrays.hashCode(ArrayKernels.matVec(matrix(n % 300, 5), doubles(5, 9))))));
      out.add(line("longSquares", n, Long.toString(ArrayKernels.longSquares(n))));
      out.add(line("histogram", n, java.util.Arrays.toString(ArrayKernels.histogram(ints(n, 10))).replace(" ", "")));
      out.add(line("stencil", n, Integer.toString(java.util.Arrays.hashCode(ArrayKernels.stencil(n)))));
      out.add(line("matMul", n, Integer.toString(java.util.Arrays.deepHashCode(
          RowKernels.matMul(matrix(n % 300, 4), matrix(4, 3))))));
      out.add(line("rowTable", n, Integer.toString(java.util.Arrays.deepHashCode(RowKernels.rowTable(n)))));
      out.add(line("flatTable", n, Integer.toString(java.util.Arrays.hashCode(RowKernels.flatTable(n, 3)))));
      out.add(line("countDownSum", n, Double.toString(RowKernels.countDownSum(doubles(n, 15)))));
      out.add(line("stridedDown", n, Integer.toString(java.util.Arrays.hashCode(RowKernels.stridedDown(n)))));
      out.add(line("jacobi", n, Integer.toString(java.util.Arrays.hashCode(StencilKernels.jacobi(n, 7)))));
      out.add(line("wideStencil", n, Integer.toString(java.util.Arrays.hashCode(StencilKernels.wideStencil(n)))));
      out.add(line("spread", n, Long.toString(StencilKernels.spread(n))));
      out.add(line("csrRows", n, Integer.toString(java.util.Arrays.hashCode(StencilKernels.csrRows(n)))));
      out.add(line("cooScatter", n, Integer.toString(java.util.Arrays.hashCode(StencilKernels.cooScatter(n)))));
      out.add(line("gaussSeidel", n, Integer.toString(java.util.Arrays.hashCode(StencilKernels.gaussSeidel(n)))));
      out.add(line("prefixInPlace", n, Integer.toString(java.util.Arrays.hashCode(StencilKernels.prefixInPlace(n)))));
    }
    return out;
  }

  private static String line(String kernel, int n, String value) {
    return "RESULT " + kernel + " " + n + " " + value;
  }

  public static void main(String[] args) {
    results().forEach(System.out::println);
    System.out.println("RESULT printIterations 10 " + FreeLoopKernels.printIterations(10));
  }
}
