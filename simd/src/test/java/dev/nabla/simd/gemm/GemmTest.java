package dev.nabla.simd.gemm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.simd.SimdConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * {@link Gemm} against a triple loop accumulated in double, over shapes at and around the tile
 * and block edges, every operand layout, and 1, 2 and 3 threads. Surefire runs this class again
 * with {@code -Dnabla.simd.bits=128} and {@code 256} so that every vector width is covered.
 */
class GemmTest {

    private static final Parallel POOL2 = Parallel.team(2, 200);
    private static final Parallel POOL3 = Parallel.team(3, 0);
    private static final int[] SIZES = {0, 1, 2, 3, 5, 8, 9, 16, 17, 31, 33};

    /** One operand layout: row stride, column stride and offset for an r x c matrix. */
    enum Layout {
        ROW_MAJOR, COL_MAJOR, PADDED;

        int rowStride(int rows, int cols) {
            return this == ROW_MAJOR ? cols : this == COL_MAJOR ? 1 : cols + 3;
        }

        int colStride(int rows, int cols) {
            return this == COL_MAJOR ? Math.max(rows, 1) : 1;
        }

        int offset() {
            return this == PADDED ? 5 : 0;
        }

        int length(int rows, int cols) {
            return offset() + (this == PADDED ? rows * (cols + 3) : rows * cols) + 1;
        }
    }

    /** A problem: A and B filled with random values, C with a random start and a guard border. */
    record Case(int batch, int m, int n, int k, Layout la, Layout lb, boolean acc, long seed) {
        int aBatch() {
            return la.length(m, k);
        }

        int bBatch() {
            return lb.length(k, n);
        }

        int cRow() {
            return n + 2;
        }

        int cBatch() {
            return m * cRow() + 4;
        }

        double[] values(int length, long salt) {
            Random r = new Random(seed * 31 + salt);
            double[] x = new double[length];
            for (int i = 0; i < length; i++) {
                x[i] = r.nextDouble() * 2 - 1;
            }
            return x;
        }

        double[] a() {
            return values(batch * aBatch(), 1);
        }

        double[] b() {
            return values(batch * bBatch(), 2);
        }

        double[] c() {
            return values(batch * cBatch() + 3, 3);
        }

        @Override
        public String toString() {
            return "batch=" + batch + " a[" + m + ", " + k + "] " + la + " @ b[" + k + ", " + n + "] " + lb
                    + " accumulate=" + acc;
        }
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    static float[] sgemm(Case t, Parallel par) {
        float[] c = toFloat(t.c());
        Gemm.sgemmBatched(t.batch, t.m, t.n, t.k,
                toFloat(t.a()), t.la.offset(), t.aBatch(), t.la.rowStride(t.m, t.k), t.la.colStride(t.m, t.k),
                toFloat(t.b()), t.lb.offset(), t.bBatch(), t.lb.rowStride(t.k, t.n), t.lb.colStride(t.k, t.n),
                c, 1, t.cBatch(), t.cRow(), t.acc, par, Epilogue.NONE);
        return c;
    }

    static double[] dgemm(Case t, Parallel par) {
        double[] c = t.c();
        Gemm.dgemmBatched(t.batch, t.m, t.n, t.k,
                t.a(), t.la.offset(), t.aBatch(), t.la.rowStride(t.m, t.k), t.la.colStride(t.m, t.k),
                t.b(), t.lb.offset(), t.bBatch(), t.lb.rowStride(t.k, t.n), t.lb.colStride(t.k, t.n),
                c, 1, t.cBatch(), t.cRow(), t.acc, par, Epilogue.NONE);
        return c;
    }

    /** Checks C against the double reference built from {@code x}, rounded to the tested type. */
    static void check(Case t, double[] got, boolean single) {
        double eps = single ? Math.ulp(1f) : Math.ulp(1d);
        double[] a = t.a();
        double[] b = t.b();
        double[] c0 = t.c();
        if (single) {
            a = widen(toFloat(a));
            b = widen(toFloat(b));
            c0 = widen(toFloat(c0));
        }
        boolean[] inside = new boolean[c0.length];
        for (int q = 0; q < t.batch; q++) {
            for (int i = 0; i < t.m; i++) {
                for (int j = 0; j < t.n; j++) {
                    int ci = 1 + q * t.cBatch() + i * t.cRow() + j;
                    inside[ci] = true;
                    double sum = t.acc ? c0[ci] : 0;
                    double mag = Math.abs(sum);
                    for (int p = 0; p < t.k; p++) {
                        double x = a[q * t.aBatch() + t.la.offset() + i * t.la.rowStride(t.m, t.k) + p * t.la.colStride(t.m, t.k)]
                                * b[q * t.bBatch() + t.lb.offset() + p * t.lb.rowStride(t.k, t.n) + j * t.lb.colStride(t.k, t.n)];
                        sum += x;
                        mag += Math.abs(x);
                    }
                    double tol = 2 * Math.sqrt(t.k + 1.0) * eps * mag + Double.MIN_NORMAL;
                    if (Math.abs(got[ci] - sum) > tol) {
                        throw new AssertionError(t + ": C[" + q + ", " + i + ", " + j + "] = " + got[ci]
                                + ", expected " + sum + " within " + tol);
                    }
                }
            }
        }
        for (int ci = 0; ci < c0.length; ci++) {
            if (!inside[ci] && got[ci] != c0[ci]) {
                throw new AssertionError(t + ": wrote c[" + ci + "] outside C");
            }
        }
    }

    static double[] widen(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    static List<Case> smallCases() {
        List<Case> cases = new ArrayList<>();
        long seed = 0;
        for (int m : SIZES) {
            for (int n : SIZES) {
                for (int k : SIZES) {
                    Layout la = Layout.values()[(int) (seed % 3)];
                    Layout lb = Layout.values()[(int) (seed / 3 % 3)];
                    cases.add(new Case(1, m, n, k, la, lb, seed % 2 == 0, seed++));
                }
            }
        }
        return cases;
    }

    /** Shapes past the tile, the kc block, the row block and the row super-block. */
    static List<Case> largeCases() {
        List<Case> cases = new ArrayList<>();
        int[][] shapes = {{100, 130, 300}, {200, 64, 257}, {257, 129, 31}, {64, 784, 96}, {400, 33, 520},
            {193, 4100, 3}, {97, 300, 1}, {1, 1000, 600}};
        long seed = 1000;
        for (int[] s : shapes) {
            for (Layout la : Layout.values()) {
                for (Layout lb : Layout.values()) {
                    cases.add(new Case(1, s[0], s[1], s[2], la, lb, seed % 2 == 0, seed++));
                }
            }
        }
        return cases;
    }

    @Test
    void sgemmMatchesReferenceOnSmallShapes() {
        List<Case> cases = smallCases();
        for (Case t : cases) {
            check(t, widen(sgemm(t, Parallel.SERIAL)), true);
        }
        assertThat(cases).hasSize(SIZES.length * SIZES.length * SIZES.length);
    }

    @Test
    void dgemmMatchesReferenceOnSmallShapes() {
        for (Case t : smallCases()) {
            check(t, dgemm(t, Parallel.SERIAL), false);
        }
    }

    @Test
    void sgemmMatchesReferenceOnLargeShapesWithEveryLayout() {
        for (Case t : largeCases()) {
            check(t, widen(sgemm(t, POOL2)), true);
        }
    }

    @Test
    void dgemmMatchesReferenceOnLargeShapesWithEveryLayout() {
        for (Case t : largeCases()) {
            check(t, dgemm(t, POOL3), false);
        }
    }

    @Test
    void resultsAreBitIdenticalForOneTwoAndThreeThreads() {
        List<Case> cases = new ArrayList<>(largeCases());
        cases.add(new Case(5, 70, 90, 600, Layout.PADDED, Layout.COL_MAJOR, true, 7));
        cases.add(new Case(3, 300, 50, 40, Layout.COL_MAJOR, Layout.ROW_MAJOR, false, 8));
        // A packed once and shared by the column tasks of each batch item.
        cases.add(new Case(3, 100, 130, 300, Layout.COL_MAJOR, Layout.PADDED, false, 9));
        for (Case t : cases) {
            float[] s1 = sgemm(t, Parallel.SERIAL);
            assertThat(sgemm(t, Parallel.team(1, 200))).as("%s, 1 worker", t).isEqualTo(s1);
            assertThat(sgemm(t, POOL2)).as("%s, 2 threads", t).isEqualTo(s1);
            assertThat(sgemm(t, POOL3)).as("%s, 3 threads", t).isEqualTo(s1);
            double[] d1 = dgemm(t, Parallel.SERIAL);
            assertThat(dgemm(t, POOL2)).as("%s, 2 threads", t).isEqualTo(d1);
            assertThat(dgemm(t, POOL3)).as("%s, 3 threads", t).isEqualTo(d1);
        }
    }

    /**
     * The layer shapes training runs (forward, input gradient, weight gradient) and shapes that
     * pick each path: short A with both operands read in place, short A whose B rows are 2 KiB
     * apart (packed to avoid cache-set conflicts), tall A read in place, tall A packed, short A
     * cut by the tile edges, tall row-major A whose rows are 2 KiB apart (packed by rows), and C
     * no wider than a vector (a classifier's last layer; half tiles) with A in place and packed.
     */
    static List<Case> pathCases() {
        return List.of(
                new Case(1, 64, 256, 784, Layout.ROW_MAJOR, Layout.ROW_MAJOR, false, 50),
                new Case(1, 64, 784, 256, Layout.ROW_MAJOR, Layout.COL_MAJOR, false, 51),
                new Case(1, 784, 256, 64, Layout.COL_MAJOR, Layout.ROW_MAJOR, true, 52),
                new Case(2, 37, 512, 300, Layout.PADDED, Layout.ROW_MAJOR, true, 53),
                new Case(1, 37, 300, 512, Layout.ROW_MAJOR, Layout.ROW_MAJOR, false, 54),
                new Case(1, 300, 100, 520, Layout.ROW_MAJOR, Layout.PADDED, false, 55),
                new Case(1, 300, 512, 40, Layout.ROW_MAJOR, Layout.COL_MAJOR, true, 56),
                new Case(3, 101, 67, 600, Layout.ROW_MAJOR, Layout.ROW_MAJOR, true, 57),
                new Case(1, 203, 70, 512, Layout.ROW_MAJOR, Layout.ROW_MAJOR, true, 58),
                new Case(2, 299, 40, 1024, Layout.ROW_MAJOR, Layout.COL_MAJOR, false, 59),
                new Case(1, 256, 10, 128, Layout.ROW_MAJOR, Layout.ROW_MAJOR, false, 60),
                new Case(1, 300, 16, 520, Layout.COL_MAJOR, Layout.ROW_MAJOR, true, 61),
                new Case(2, 130, 8, 700, Layout.PADDED, Layout.COL_MAJOR, true, 62));
    }

    @Test
    void inPlaceAndPackedPathsMatchReferenceAndAreBitIdenticalAcrossThreads() {
        for (Case t : pathCases()) {
            float[] s1 = sgemm(t, Parallel.SERIAL);
            check(t, widen(s1), true);
            assertThat(sgemm(t, POOL2)).as("%s, 2 threads", t).isEqualTo(s1);
            assertThat(sgemm(t, POOL3)).as("%s, 3 threads", t).isEqualTo(s1);
            double[] d1 = dgemm(t, Parallel.SERIAL);
            check(t, d1, false);
            assertThat(dgemm(t, POOL2)).as("%s, 2 threads", t).isEqualTo(d1);
            assertThat(dgemm(t, POOL3)).as("%s, 3 threads", t).isEqualTo(d1);
        }
    }

    @Test
    void parallelRunsEveryTaskOnceAndRethrowsAFailure() {
        for (Parallel par : new Parallel[] {POOL2, POOL3}) {
            for (int tasks : new int[] {0, 1, 2, 3, 50}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(tasks, 1));
                par.forRange(tasks, runs::incrementAndGet);
                for (int t = 0; t < tasks; t++) {
                    assertThat(runs.get(t)).as("task %d of %d", t, tasks).isEqualTo(1);
                }
            }
            assertThatThrownBy(() -> par.forRange(20, t -> {
                if (t == 7) {
                    throw new IllegalStateException("task 7 failed");
                }
            })).hasMessageContaining("task 7 failed");
        }
    }

    @Test
    void batchedMatchesReferenceWithBroadcastOperands() {
        for (int bcast = 0; bcast < 3; bcast++) {
            Case t = new Case(4, 37, 45, 70, Layout.PADDED, Layout.COL_MAJOR, bcast == 1, 40 + bcast);
            int aBatch = bcast == 1 ? 0 : t.aBatch();
            int bBatch = bcast == 2 ? 0 : t.bBatch();
            float[] c = toFloat(t.c());
            Gemm.sgemmBatched(t.batch, t.m, t.n, t.k,
                    toFloat(t.a()), t.la.offset(), aBatch, t.la.rowStride(t.m, t.k), t.la.colStride(t.m, t.k),
                    toFloat(t.b()), t.lb.offset(), bBatch, t.lb.rowStride(t.k, t.n), t.lb.colStride(t.k, t.n),
                    c, 1, t.cBatch(), t.cRow(), t.acc, POOL2, Epilogue.NONE);
            float[] expected = toFloat(t.c());
            for (int q = 0; q < t.batch; q++) {
                Gemm.sgemm(t.m, t.n, t.k,
                        toFloat(t.a()), t.la.offset() + q * aBatch, t.la.rowStride(t.m, t.k), t.la.colStride(t.m, t.k),
                        toFloat(t.b()), t.lb.offset() + q * bBatch, t.lb.rowStride(t.k, t.n), t.lb.colStride(t.k, t.n),
                        expected, 1 + q * t.cBatch(), t.cRow(), t.acc);
            }
            assertThat(c).as("broadcast operand %d", bcast).isEqualTo(expected);
        }
    }

    /**
     * The epilogue sees a tiling of C: every element once, already holding its final product, on
     * every path (no shared dimension, short A, A read in place, packed blocks of a long A) and
     * thread count.
     */
    @Test
    void epilogueFinishesEveryElementOnceAfterItsProduct() {
        List<Case> cases = List.of(
                new Case(2, 9, 17, 0, Layout.ROW_MAJOR, Layout.ROW_MAJOR, false, 50),
                new Case(3, 33, 70, 45, Layout.COL_MAJOR, Layout.PADDED, true, 51),
                new Case(1, 300, 65, 400, Layout.ROW_MAJOR, Layout.COL_MAJOR, false, 52),
                new Case(2, 300, 40, 20, Layout.COL_MAJOR, Layout.ROW_MAJOR, false, 53));
        for (Case t : cases) {
            for (Parallel par : List.of(Parallel.SERIAL, POOL2, POOL3)) {
                float[] expected = sgemm(t, Parallel.SERIAL);
                float[] c = toFloat(t.c());
                AtomicIntegerArray visits = new AtomicIntegerArray(c.length);
                List<String> early = Collections.synchronizedList(new ArrayList<>());
                Gemm.sgemmBatched(t.batch, t.m, t.n, t.k,
                        toFloat(t.a()), t.la.offset(), t.aBatch(), t.la.rowStride(t.m, t.k), t.la.colStride(t.m, t.k),
                        toFloat(t.b()), t.lb.offset(), t.bBatch(), t.lb.rowStride(t.k, t.n), t.lb.colStride(t.k, t.n),
                        c, 1, t.cBatch(), t.cRow(), t.acc, par, (item, row0, rows, col0, cols) -> {
                            for (int i = row0; i < row0 + rows; i++) {
                                for (int j = col0; j < col0 + cols; j++) {
                                    int at = 1 + item * t.cBatch() + i * t.cRow() + j;
                                    visits.incrementAndGet(at);
                                    if (Float.compare(c[at], expected[at]) != 0) {
                                        early.add("[" + item + ", " + i + ", " + j + "]");
                                    }
                                }
                            }
                        });
                assertThat(c).as("%s", t).isEqualTo(expected);
                assertThat(early).as("%s: elements finished before their product", t).isEmpty();
                for (int q = 0; q < t.batch; q++) {
                    for (int i = 0; i < t.m; i++) {
                        for (int j = 0; j < t.n; j++) {
                            assertThat(visits.get(1 + q * t.cBatch() + i * t.cRow() + j))
                                    .as("%s: visits of C[%d, %d, %d]", t, q, i, j).isEqualTo(1);
                        }
                    }
                }
                int total = 0;
                for (int i = 0; i < visits.length(); i++) {
                    total += visits.get(i);
                }
                assertThat(total).as("%s: visits in all, outside C included", t).isEqualTo(t.batch * t.m * t.n);
            }
        }
    }

    @Test
    void zeroSharedDimensionClearsOrKeepsC() {
        float[] c = {1, 2, 3, 4, 5, 6};
        Gemm.sgemm(2, 3, 0, new float[0], 0, 0, 1, new float[0], 0, 3, 1, c, 0, 3, true);
        assertThat(c).containsExactly(1, 2, 3, 4, 5, 6);
        Gemm.sgemm(2, 2, 0, new float[0], 0, 0, 1, new float[0], 0, 3, 1, c, 1, 3, false);
        assertThat(c).containsExactly(1, 0, 0, 4, 0, 0);
    }

    @Test
    void rejectsOperandsThatDoNotFitTheirArrays() {
        assertThatThrownBy(() -> Gemm.sgemm(4, 4, 4, new float[15], 0, 4, 1, new float[16], 0, 4, 1,
                new float[16], 0, 4, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sgemm: a[1, 4, 4]").hasMessageContaining("length 15");
        assertThatThrownBy(() -> Gemm.dgemm(2, 3, 1, new double[2], 0, 1, 1, new double[3], 0, 3, 1,
                new double[6], 0, 2, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dgemm: C rows overlap");
        assertThatThrownBy(() -> Gemm.sgemm(-1, 1, 1, null, 0, 1, 1, null, 0, 1, 1, null, 0, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m=-1");
    }

    @Test
    void speciesFollowsTheWidthProperty() {
        String forced = System.getProperty(SimdConfig.BITS_PROPERTY);
        int expected = forced == null ? jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize()
                : Math.min(Integer.parseInt(forced), jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize());
        assertThat(SimdConfig.BITS).isEqualTo(expected);
        assertThat(SimdConfig.FLOAT.vectorBitSize()).isEqualTo(expected);
        assertThat(SimdConfig.DOUBLE.vectorBitSize()).isEqualTo(expected);
        assertThat(F32Gemm.NR).isEqualTo(2 * expected / 32);
    }
}
