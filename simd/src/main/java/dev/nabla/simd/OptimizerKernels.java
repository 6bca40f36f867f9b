package dev.nabla.simd;

import dev.nabla.tensor.spi.SgdStep;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused optimizer steps over contiguous runs, F32 and F64: each element of the parameter,
 * its gradient and its state is read once and written once, where the composition of
 * {@link dev.nabla.tensor.spi.OptimizerDefaults} makes a pass, and a new array, per operation.
 * Every operation rounds as the composition's does ({@code x + s * y} as one fused multiply-add,
 * hyperparameters rounded to the element type first), so the results are the same bits.
 */
final class OptimizerKernels {
    private static final VectorSpecies<Float> F = SimdConfig.FLOAT;
    private static final VectorSpecies<Double> D = SimdConfig.DOUBLE;

    private OptimizerKernels() {
    }

    /**
     * {@link dev.nabla.tensor.spi.Backend#sgdStep} on elements {@code [0, n)} of runs starting at
     * {@code po}, {@code go}, {@code bo} and {@code no}; {@code b} is null at the first step and
     * without momentum, {@code nb} null without momentum.
     */
    static void sgd(float[] p, int po, float[] g, int go, float[] b, int bo, float[] nb, int no, int n, SgdStep s) {
        boolean decay = s.weightDecay() != 0;
        boolean momentum = s.momentum() != 0;
        boolean first = b == null;
        boolean nesterov = s.nesterov();
        float wd = (float) s.weightDecay();
        float m = (float) s.momentum();
        float keep = (float) (1 - s.dampening());
        float step = (float) -s.lr();
        FloatVector vwd = FloatVector.broadcast(F, wd);
        FloatVector vm = FloatVector.broadcast(F, m);
        FloatVector vkeep = FloatVector.broadcast(F, keep);
        FloatVector vstep = FloatVector.broadcast(F, step);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector d = FloatVector.fromArray(F, g, go + i);
            if (decay) {
                d = pv.fma(vwd, d);
            }
            if (momentum) {
                FloatVector buf = first ? d : d.fma(vkeep, FloatVector.fromArray(F, b, bo + i).mul(vm));
                buf.intoArray(nb, no + i);
                d = nesterov ? buf.fma(vm, d) : buf;
            }
            d.fma(vstep, pv).intoArray(p, po + i);
        }
        for (; i < n; i++) {
            float pv = p[po + i];
            float d = decay ? Math.fma(pv, wd, g[go + i]) : g[go + i];
            if (momentum) {
                float buf = first ? d : Math.fma(d, keep, b[bo + i] * m);
                nb[no + i] = buf;
                d = nesterov ? Math.fma(buf, m, d) : buf;
            }
            p[po + i] = Math.fma(d, step, pv);
        }
    }

    /** {@link #sgd(float[], int, float[], int, float[], int, float[], int, int, SgdStep)} for doubles. */
    static void sgd(double[] p, int po, double[] g, int go, double[] b, int bo, double[] nb, int no, int n,
                    SgdStep s) {
        boolean decay = s.weightDecay() != 0;
        boolean momentum = s.momentum() != 0;
        boolean first = b == null;
        boolean nesterov = s.nesterov();
        double wd = s.weightDecay();
        double m = s.momentum();
        double keep = 1 - s.dampening();
        double step = -s.lr();
        DoubleVector vwd = DoubleVector.broadcast(D, wd);
        DoubleVector vm = DoubleVector.broadcast(D, m);
        DoubleVector vkeep = DoubleVector.broadcast(D, keep);
        DoubleVector vstep = DoubleVector.broadcast(D, step);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector d = DoubleVector.fromArray(D, g, go + i);
            if (decay) {
                d = pv.fma(vwd, d);
            }
            if (momentum) {
                DoubleVector buf = first ? d : d.fma(vkeep, DoubleVector.fromArray(D, b, bo + i).mul(vm));
                buf.intoArray(nb, no + i);
                d = nesterov ? buf.fma(vm, d) : buf;
            }
            d.fma(vstep, pv).intoArray(p, po + i);
        }
        for (; i < n; i++) {
            double pv = p[po + i];
            double d = decay ? Math.fma(pv, wd, g[go + i]) : g[go + i];
            if (momentum) {
                double buf = first ? d : Math.fma(d, keep, b[bo + i] * m);
                nb[no + i] = buf;
                d = nesterov ? Math.fma(buf, m, d) : buf;
            }
            p[po + i] = Math.fma(d, step, pv);
        }
    }
}
