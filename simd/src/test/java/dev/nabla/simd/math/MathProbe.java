package dev.nabla.simd.math;

import dev.nabla.simd.SimdConfig;
import java.util.Arrays;
import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-thread throughput of the kernels on 10^6-element arrays, against a scalar
 * {@code Math} loop and the Vector API's own {@code lanewise} operators. Not a test: run with
 * <pre>
 * mvn -B -q -o install -pl tensor,simd -DskipTests
 * java --add-modules jdk.incubator.vector -cp simd/target/classes:simd/target/test-classes \
 *     dev.nabla.simd.math.MathProbe
 * </pre>
 * Prints the median of 15 timed passes after 40 warm-up passes, in elements per nanosecond.
 * Both the Nabla kernels and the {@code lanewise} loops run with the module's species:
 * {@code -Dnabla.simd.bits=128|256} forces a narrower width than the preferred one.
 */
public final class MathProbe {
    private static final VectorSpecies<Float> F = SimdConfig.FLOAT;
    private static final VectorSpecies<Double> D = SimdConfig.DOUBLE;
    private static final int N = 1_000_000;

    private MathProbe() {
    }

    public static void main(String[] args) {
        Random rnd = new Random(1);
        float[] fx = new float[N];
        float[] fpos = new float[N];
        float[] fy = new float[N];
        double[] dx = new double[N];
        double[] dpos = new double[N];
        double[] dy = new double[N];
        for (int i = 0; i < N; i++) {
            fx[i] = rnd.nextFloat() * 20 - 10;
            fpos[i] = rnd.nextFloat() * 100 + 1e-3f;
            dx[i] = fx[i];
            dpos[i] = fpos[i];
        }
        System.out.printf("%s; %d-bit vectors (%d float / %d double lanes); elements/ns, 10^6 elements,"
                + " 1 thread%n", System.getProperty("java.vm.version"), SimdConfig.BITS, F.length(), D.length());
        System.out.printf("%-8s %-4s %10s %10s %10s%n", "function", "type", "nabla", "Math loop", "lanewise");
        row("exp", "F32", () -> FloatMath.exp(fx, 0, fy, 0, N), () -> mathExp(fx, fy),
                () -> lanewiseExp(fx, fy));
        row("log", "F32", () -> FloatMath.log(fpos, 0, fy, 0, N), () -> mathLog(fpos, fy),
                () -> lanewiseLog(fpos, fy));
        row("tanh", "F32", () -> FloatMath.tanh(fx, 0, fy, 0, N), () -> mathTanh(fx, fy),
                () -> lanewiseTanh(fx, fy));
        row("sigmoid", "F32", () -> FloatMath.sigmoid(fx, 0, fy, 0, N), () -> mathSigmoid(fx, fy),
                () -> lanewiseSigmoid(fx, fy));
        row("exp", "F64", () -> DoubleMath.exp(dx, 0, dy, 0, N), () -> mathExp(dx, dy),
                () -> lanewiseExp(dx, dy));
        row("log", "F64", () -> DoubleMath.log(dpos, 0, dy, 0, N), () -> mathLog(dpos, dy),
                () -> lanewiseLog(dpos, dy));
        row("tanh", "F64", () -> DoubleMath.tanh(dx, 0, dy, 0, N), () -> mathTanh(dx, dy),
                () -> lanewiseTanh(dx, dy));
        row("sigmoid", "F64", () -> DoubleMath.sigmoid(dx, 0, dy, 0, N), () -> mathSigmoid(dx, dy),
                () -> lanewiseSigmoid(dx, dy));
    }

    private static void row(String fn, String type, Runnable nabla, Runnable math, Runnable lanewise) {
        System.out.printf("%-8s %-4s %10.3f %10.3f %10.3f%n", fn, type, rate(nabla), rate(math), rate(lanewise));
    }

    private static double rate(Runnable r) {
        for (int i = 0; i < 40; i++) {
            r.run();
        }
        long[] t = new long[15];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return (double) N / t[t.length / 2];
    }

    private static void mathExp(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.exp(x[i]);
        }
    }

    private static void mathLog(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.log(x[i]);
        }
    }

    private static void mathTanh(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    private static void mathSigmoid(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (1 / (1 + Math.exp(-x[i])));
        }
    }

    private static void lanewiseExp(float[] x, float[] y) {
        for (int i = 0; i < F.loopBound(x.length); i += F.length()) {
            FloatVector.fromArray(F, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
        }
    }

    private static void lanewiseLog(float[] x, float[] y) {
        for (int i = 0; i < F.loopBound(x.length); i += F.length()) {
            FloatVector.fromArray(F, x, i).lanewise(VectorOperators.LOG).intoArray(y, i);
        }
    }

    private static void lanewiseTanh(float[] x, float[] y) {
        for (int i = 0; i < F.loopBound(x.length); i += F.length()) {
            FloatVector.fromArray(F, x, i).lanewise(VectorOperators.TANH).intoArray(y, i);
        }
    }

    private static void lanewiseSigmoid(float[] x, float[] y) {
        for (int i = 0; i < F.loopBound(x.length); i += F.length()) {
            FloatVector e = FloatVector.fromArray(F, x, i).neg().lanewise(VectorOperators.EXP);
            FloatVector.broadcast(F, 1f).div(e.add(1f)).intoArray(y, i);
        }
    }

    private static void mathExp(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(x[i]);
        }
    }

    private static void mathLog(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.log(x[i]);
        }
    }

    private static void mathTanh(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.tanh(x[i]);
        }
    }

    private static void mathSigmoid(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] = 1 / (1 + Math.exp(-x[i]));
        }
    }

    private static void lanewiseExp(double[] x, double[] y) {
        for (int i = 0; i < D.loopBound(x.length); i += D.length()) {
            DoubleVector.fromArray(D, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
        }
    }

    private static void lanewiseLog(double[] x, double[] y) {
        for (int i = 0; i < D.loopBound(x.length); i += D.length()) {
            DoubleVector.fromArray(D, x, i).lanewise(VectorOperators.LOG).intoArray(y, i);
        }
    }

    private static void lanewiseTanh(double[] x, double[] y) {
        for (int i = 0; i < D.loopBound(x.length); i += D.length()) {
            DoubleVector.fromArray(D, x, i).lanewise(VectorOperators.TANH).intoArray(y, i);
        }
    }

    private static void lanewiseSigmoid(double[] x, double[] y) {
        for (int i = 0; i < D.loopBound(x.length); i += D.length()) {
            DoubleVector e = DoubleVector.fromArray(D, x, i).neg().lanewise(VectorOperators.EXP);
            DoubleVector.broadcast(D, 1.0).div(e.add(1.0)).intoArray(y, i);
        }
    }
}
