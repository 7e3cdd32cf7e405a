package dev.parjit.it.mpi;

import dev.parjit.mpi.Communicator;
import dev.parjit.mpi.Communicators;
import dev.parjit.mpi.ReduceOp;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Runs on every rank: exercises every collective of {@link Communicator} with uneven and
 * zero-length contributions and compares each result with the value this rank computes by
 * itself from the contribution formulas (never through the communicator). Prints
 * {@code CHECK FAIL name: detail} per mismatch and {@code CHECKS DONE <count> <failures>} at the end.
 */
public final class CollectiveChecks {

  private static int checks;
  private static int failures;

  private CollectiveChecks() { }

  /** Length of rank r's contribution: uneven, and zero for rank 1. */
  static int len(int r) {
    return r == 1 ? 0 : 2 * r + 1;
  }

  static double dval(int r, int i) {
    return r * 1000.5 + i * 0.25 - 3;
  }

  static long lval(int r, int i) {
    return (r + 1L) * 1_000_000_007L - i * 31L;
  }

  static int ival(int r, int i) {
    return (r * 37 + i * 11) ^ 0x5a;
  }

  static byte bval(int r, int i) {
    return (byte) (r * 7 + i);
  }

  public static void main(String[] args) {
    Communicator c = Communicators.world();
    int p = c.size();
    int me = c.rank();
    check("size", p == Integer.parseInt(args[0]), "size " + p);

    // Scalar allreduce, every op on every type it is defined on.
    for (ReduceOp op : ReduceOp.values()) {
      long el = expectLong(p, op, r -> (long) (r * 3 - 4) | (r == 2 ? 0x100 : 0));
      check("allreduce long " + op, c.allreduce((long) (me * 3 - 4) | (me == 2 ? 0x100 : 0), op) == el, "");
      long ei = expectLong(p, op, r -> (long) (r + 1) * (r % 2 == 0 ? 1 : -1));
      check("allreduce int " + op, c.allreduce((me + 1) * (me % 2 == 0 ? 1 : -1), op) == (int) ei, "");
      long eb = expectLong(p, op, r -> r % 2);
      check("allreduce logical " + op, c.allreduce(me % 2, op) == (int) eb, "");
    }
    for (ReduceOp op : new ReduceOp[] {ReduceOp.SUM, ReduceOp.PROD, ReduceOp.MIN, ReduceOp.MAX}) {
      double ed = expectDouble(p, op, r -> r * 1.5 - 2);
      check("allreduce double " + op, c.allreduce(me * 1.5 - 2, op) == ed, "");
      double ef = expectDouble(p, op, r -> (float) (r * 0.5 + 1));
      check("allreduce float " + op, c.allreduce((float) (me * 0.5 + 1), op) == (float) ef, "");
    }

    // Element-wise allreduce (same length on every rank, by MPI's rules), including length zero.
    for (int n : new int[] {0, 1, 5}) {
      double[] d = new double[n];
      long[] l = new long[n];
      int[] in = new int[n];
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        d[i] = dval(me, i);
        l[i] = lval(me, i);
        in[i] = ival(me, i);
        f[i] = (float) dval(me, i);
      }
      c.allreduceInPlace(d, ReduceOp.SUM);
      c.allreduceInPlace(l, ReduceOp.MAX);
      c.allreduceInPlace(in, ReduceOp.BXOR);
      c.allreduceInPlace(f, ReduceOp.MIN);
      for (int i = 0; i < n; i++) {
        int ii = i;
        check("allreduce double[] SUM", d[i] == expectDouble(p, ReduceOp.SUM, r -> dval(r, ii)), "at " + i);
        check("allreduce long[] MAX", l[i] == expectLong(p, ReduceOp.MAX, r -> lval(r, ii)), "at " + i);
        check("allreduce int[] BXOR", in[i] == (int) expectLong(p, ReduceOp.BXOR, r -> ival(r, ii)), "at " + i);
        check("allreduce float[] MIN", f[i] == (float) expectDouble(p, ReduceOp.MIN, r -> (float) dval(r, ii)), "at " + i);
      }
    }

    // Exscan and allgather.
    long prefix = 0;
    for (int r = 0; r < me; r++) {
      prefix += len(r);
    }
    check("exscanSum", c.exscanSum(len(me)) == prefix, "");
    long[] gathered = c.allgather(lval(me, 0));
    long[] expectG = new long[p];
    for (int r = 0; r < p; r++) {
      expectG[r] = lval(r, 0);
    }
    check("allgather", Arrays.equals(gathered, expectG), Arrays.toString(gathered));

    // Variable-length gathers.
    double[] allD = concatD(p, r -> dvals(r));
    long[] allL = concatL(p, r -> lvals(r));
    int[] allI = concatI(p, r -> ivals(r));
    byte[] allB = concatB(p, r -> bvals(r));
    check("allgatherv double", Arrays.equals(c.allgatherv(dvals(me)), allD), "");
    check("allgatherv long", Arrays.equals(c.allgatherv(lvals(me)), allL), "");
    check("allgatherv int", Arrays.equals(c.allgatherv(ivals(me)), allI), "");
    check("allgatherv byte", Arrays.equals(c.allgatherv(bvals(me)), allB), "");
    check("allgatherv all empty", c.allgatherv(new double[0]).length == 0, "");
    for (int root = 0; root < p; root++) {
      double[] gd = c.gatherv(dvals(me), root);
      long[] gl = c.gatherv(lvals(me), root);
      int[] gi = c.gatherv(ivals(me), root);
      byte[] gb = c.gatherv(bvals(me), root);
      if (me == root) {
        check("gatherv double root " + root, Arrays.equals(gd, allD), "");
        check("gatherv long root " + root, Arrays.equals(gl, allL), "");
        check("gatherv int root " + root, Arrays.equals(gi, allI), "");
        check("gatherv byte root " + root, Arrays.equals(gb, allB), "");
      } else {
        check("gatherv non-root gets null", gd == null && gl == null && gi == null && gb == null, "");
      }
    }

    // Scatterv: root splits the concatenation; every rank gets its own piece back.
    int[] counts = new int[p];
    for (int r = 0; r < p; r++) {
      counts[r] = len(r);
    }
    for (int root = 0; root < p; root++) {
      check("scatterv double root " + root, Arrays.equals(c.scatterv(me == root ? allD : null, counts, root), dvals(me)), "");
      check("scatterv long root " + root, Arrays.equals(c.scatterv(me == root ? allL : null, counts, root), lvals(me)), "");
      check("scatterv int root " + root, Arrays.equals(c.scatterv(me == root ? allI : null, counts, root), ivals(me)), "");
      check("scatterv byte root " + root, Arrays.equals(c.scatterv(me == root ? allB : null, counts, root), bvals(me)), "");
    }

    // Alltoallv: rank s sends (s + d) % 3 elements to rank d, element values encode (s, d, k).
    int[] sendCounts = new int[p];
    for (int d = 0; d < p; d++) {
      sendCounts[d] = (me + d) % 3;
    }
    long[] sendL = new long[Arrays.stream(sendCounts).sum()];
    double[] sendD = new double[sendL.length];
    int[] sendI = new int[sendL.length];
    byte[] sendB = new byte[sendL.length];
    int at = 0;
    for (int d = 0; d < p; d++) {
      for (int k = 0; k < sendCounts[d]; k++, at++) {
        sendL[at] = me * 10_000L + d * 100L + k;
        sendD[at] = sendL[at] + 0.5;
        sendI[at] = (int) sendL[at];
        sendB[at] = (byte) sendL[at];
      }
    }
    int expectedLen = 0;
    for (int s = 0; s < p; s++) {
      expectedLen += (s + me) % 3;
    }
    long[] expectA = new long[expectedLen];
    at = 0;
    for (int s = 0; s < p; s++) {
      for (int k = 0; k < (s + me) % 3; k++) {
        expectA[at++] = s * 10_000L + me * 100L + k;
      }
    }
    check("alltoallv long", Arrays.equals(c.alltoallv(sendL, sendCounts), expectA), "");
    check("alltoallv double", Arrays.equals(c.alltoallv(sendD, sendCounts), Arrays.stream(expectA).mapToDouble(v -> v + 0.5).toArray()), "");
    check("alltoallv int", Arrays.equals(c.alltoallv(sendI, sendCounts), Arrays.stream(expectA).mapToInt(v -> (int) v).toArray()), "");
    byte[] expectB = new byte[expectA.length];
    for (int i = 0; i < expectA.length; i++) {
      expectB[i] = (byte) expectA[i];
    }
    check("alltoallv byte", Arrays.equals(c.alltoallv(sendB, sendCounts), expectB), "");

    // Bcast and point-to-point.
    for (int root = 0; root < p; root++) {
      byte[] msg = bvals(root);
      check("bcast root " + root, Arrays.equals(c.bcast(me == root ? msg : new byte[0], root), msg), "");
    }
    if (p > 1) {
      int next = (me + 1) % p;
      int prev = (me + p - 1) % p;
      if (me % 2 == 0) {
        c.send(bvals(me), next, 7);
        check("recv", Arrays.equals(c.recv(prev, 7), bvals(prev)), "");
      } else {
        byte[] got = c.recv(prev, 7);
        c.send(bvals(me), next, 7);
        check("recv", Arrays.equals(got, bvals(prev)), "");
      }
    }
    c.barrier();
    System.out.println("CHECKS DONE " + checks + " " + failures);
  }

  private static void check(String name, boolean ok, String detail) {
    checks++;
    if (!ok) {
      failures++;
      System.out.println("CHECK FAIL " + name + ": " + detail);
    }
  }

  private static long expectLong(int p, ReduceOp op, java.util.function.IntToLongFunction v) {
    long acc = v.applyAsLong(0);
    for (int r = 1; r < p; r++) {
      long x = v.applyAsLong(r);
      switch (op) {
        case SUM: acc += x; break;
        case PROD: acc *= x; break;
        case MIN: acc = Math.min(acc, x); break;
        case MAX: acc = Math.max(acc, x); break;
        case LAND: acc = (acc != 0 && x != 0) ? 1 : 0; break;
        case LOR: acc = (acc != 0 || x != 0) ? 1 : 0; break;
        case BAND: acc &= x; break;
        case BOR: acc |= x; break;
        case BXOR: acc ^= x; break;
        default: throw new IllegalArgumentException(op.toString());
      }
    }
    if (p == 1 && (op == ReduceOp.LAND || op == ReduceOp.LOR)) {
      acc = acc != 0 ? 1 : 0;
    }
    return acc;
  }

  private static double expectDouble(int p, ReduceOp op, java.util.function.IntToDoubleFunction v) {
    double acc = v.applyAsDouble(0);
    for (int r = 1; r < p; r++) {
      double x = v.applyAsDouble(r);
      switch (op) {
        case SUM: acc += x; break;
        case PROD: acc *= x; break;
        case MIN: acc = Math.min(acc, x); break;
        case MAX: acc = Math.max(acc, x); break;
        default: throw new IllegalArgumentException(op.toString());
      }
    }
    return acc;
  }

  static double[] dvals(int r) {
    double[] a = new double[len(r)];
    Arrays.setAll(a, i -> dval(r, i));
    return a;
  }

  static long[] lvals(int r) {
    long[] a = new long[len(r)];
    Arrays.setAll(a, i -> lval(r, i));
    return a;
  }

  static int[] ivals(int r) {
    int[] a = new int[len(r)];
    Arrays.setAll(a, i -> ival(r, i));
    return a;
  }

  static byte[] bvals(int r) {
    byte[] a = new byte[len(r)];
    for (int i = 0; i < a.length; i++) {
      a[i] = bval(r, i);
    }
    return a;
  }

  private static double[] concatD(int p, IntFunction<double[]> f) {
    return java.util.stream.IntStream.range(0, p).mapToObj(f).flatMapToDouble(Arrays::stream).toArray();
  }

  private static long[] concatL(int p, IntFunction<long[]> f) {
    return java.util.stream.IntStream.range(0, p).mapToObj(f).flatMapToLong(Arrays::stream).toArray();
  }

  private static int[] concatI(int p, IntFunction<int[]> f) {
    return java.util.stream.IntStream.range(0, p).mapToObj(f).flatMapToInt(Arrays::stream).toArray();
  }

  private static byte[] concatB(int p, IntFunction<byte[]> f) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int r = 0; r < p; r++) {
      out.writeBytes(f.apply(r));
    }
    return out.toByteArray();
  }
}
