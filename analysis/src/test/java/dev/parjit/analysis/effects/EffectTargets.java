package dev.parjit.analysis.effects;

import java.util.HashMap;
import java.util.Map;

/** One method per kind of effect the effects analysis must recognise. */
@SuppressWarnings("unused")
final class EffectTargets {

  static double factor;
  static double[] table;
  static final int CONSTANT = 3;
  /** Final, but computed by the class initialiser: each process computes its own. */
  static final double COMPUTED = Math.sqrt(System.nanoTime() % 7);
  static double total;
  static final Map<String, Integer> COUNTS = new HashMap<>();

  static double[] fresh(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  static void scale(double[] a, double f) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= f;
    }
  }

  static long[] fillAndReturn(long[] b) {
    for (int i = 0; i < b.length; i++) {
      b[i] = 2L * i + 1;
    }
    return b;
  }

  static double[] returnsOnSomePaths(double[] a, boolean copy) {
    return copy ? a.clone() : a;
  }

  static Object[] holdsArgumentTwice(double[] a) {
    return new Object[] {a, a};
  }

  static double[][] rowsHoldArgument(double[] a) {
    double[][] r = new double[2][];
    r[1] = a;
    return r;
  }

  static java.util.List<double[]> listHoldsArgument(double[] a) {
    java.util.List<double[]> l = new java.util.ArrayList<>();
    l.add(a);
    return l;
  }

  static Object[] holdsStatic() {
    return new Object[] {table};
  }

  static Object[] holdsItsOwnArrayTwice(int n) {
    double[] b = new double[n];
    return new Object[] {b, b, n};
  }

  static Object[] holdsArgumentFromHelper(double[] a) {
    return holdsArgumentTwice(a);
  }

  static double[] freshAfterHoldingArgument(double[] a) {
    Object[] keep = {a};
    return new double[keep.length];
  }

  static void throughAlias(double[] a) {
    double[] b = a;
    b[0] = 1;
  }

  static double readsSystemProperty(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * Integer.getInteger("scale", 1);
    }
    return s;
  }

  static int formatsWithTheDefaultLocale(double[] a) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      n += String.format("%.2f", a[i]).length() + Integer.parseInt("12") + Math.abs(i);
    }
    return n;
  }

  static int upperCasesAFreshString(double[] a) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      n += String.valueOf(a[i]).toUpperCase().indexOf('I');
    }
    return n;
  }

  static double readsStatics(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * factor * CONSTANT * COMPUTED + table[i % table.length];
    }
    return s;
  }

  static void writesStatic(double[] a) {
    for (int i = 0; i < a.length; i++) {
      total += a[i];
    }
  }

  static void countsInStaticMap() {
    COUNTS.merge("calls", 1, Integer::sum);
  }

  static void prints(int n) {
    System.out.println(n);
  }

  static void writesRow(double[][] m) {
    m[0][0] = 1;
  }

  static void replacesRow(double[][] m) {
    m[0] = new double[2];
  }

  static void replacesInnerRow(double[][][] m) {
    m[0][0] = new double[2];
  }

  static void writesInnerRow(int[][][] m) {
    m[0][1][2] = 3;
  }

  static void copiesRowsIn(double[][] m, double[][] other) {
    System.arraycopy(other, 0, m, 0, 1);
  }

  static double readsRows(double[][] m) {
    return m[0][0];
  }

  static double[][] freshMatrix(int n) {
    double[][] m = new double[n][n];
    m[0][0] = 1;
    return m;
  }

  static void viaHelper(double[] a, double[] b) {
    helper(b);
  }

  private static void helper(double[] x) {
    java.util.Arrays.fill(x, 1.0);
  }

  static void holderParameter(Holder h) {
    h.values[0] = 1;
  }

  static void copiesInto(double[] src, double[] dst) {
    System.arraycopy(src, 0, dst, 0, src.length);
  }

  static String builds(int n) {
    StringBuilder sb = new StringBuilder();
    sb.append(n);
    return sb.toString();
  }

  static final class Holder {
    double[] values;
  }

  private double[] coefficients = {1, 2};
  private java.util.Random random = new java.util.Random(1);
  private int count;

  double readsOwnFields(int n) {
    return coefficients[n] + scaleOf(n);
  }

  private double scaleOf(int n) {
    return coefficients.length * n;
  }

  double readsRandomField() {
    return random.nextDouble();
  }

  void countsInField() {
    count++;
  }
}
