package dev.nabla.simd.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** TEMPORARY local stand-in, never committed. */
public final class FloatMath {
    private FloatMath() {
    }

    private static void run(VectorOperators.Unary op, VectorSpecies<Float> s, float[] x, int xo, float[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = FloatVector.broadcast(s, x[xo + i]).lanewise(op).lane(0);
        }
    }

    public static void exp(VectorSpecies<Float> s, float[] x, int xo, float[] o, int oo, int n) {
        run(VectorOperators.EXP, s, x, xo, o, oo, n);
    }

    public static void log(VectorSpecies<Float> s, float[] x, int xo, float[] o, int oo, int n) {
        run(VectorOperators.LOG, s, x, xo, o, oo, n);
    }

    public static void tanh(VectorSpecies<Float> s, float[] x, int xo, float[] o, int oo, int n) {
        run(VectorOperators.TANH, s, x, xo, o, oo, n);
    }

    public static void sigmoid(VectorSpecies<Float> s, float[] x, int xo, float[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (float) (1 / (1 + Math.exp(-x[xo + i])));
        }
    }
}
