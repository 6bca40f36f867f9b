package dev.nabla.simd.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** TEMPORARY local stand-in, never committed. */
public final class DoubleMath {
    private DoubleMath() {
    }

    private static void run(VectorOperators.Unary op, VectorSpecies<Double> s, double[] x, int xo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = DoubleVector.broadcast(s, x[xo + i]).lanewise(op).lane(0);
        }
    }

    public static void exp(VectorSpecies<Double> s, double[] x, int xo, double[] o, int oo, int n) {
        run(VectorOperators.EXP, s, x, xo, o, oo, n);
    }

    public static void log(VectorSpecies<Double> s, double[] x, int xo, double[] o, int oo, int n) {
        run(VectorOperators.LOG, s, x, xo, o, oo, n);
    }

    public static void tanh(VectorSpecies<Double> s, double[] x, int xo, double[] o, int oo, int n) {
        run(VectorOperators.TANH, s, x, xo, o, oo, n);
    }

    public static void sigmoid(VectorSpecies<Double> s, double[] x, int xo, double[] o, int oo, int n) {
        for (int i = 0; i < n; i++) {
            o[oo + i] = (double) (1 / (1 + Math.exp(-x[xo + i])));
        }
    }
}
