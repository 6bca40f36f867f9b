package dev.nabla.simd;

import dev.nabla.tensor.spi.AdagradStep;
import dev.nabla.tensor.spi.AdamStep;
import dev.nabla.tensor.spi.RmspropStep;
import dev.nabla.tensor.spi.SgdStep;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused optimizer steps (SGD, Adam, Adagrad, RMSprop) over contiguous runs, F32 and F64:
 * each element of the parameter, its gradient and its state is read once and written once, where
 * the composition of {@link dev.nabla.tensor.spi.OptimizerDefaults} makes a pass, and a new
 * array, per operation.
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

    /**
     * {@link dev.nabla.tensor.spi.Backend#adamStep} on elements {@code [0, n)} of runs of the
     * parameter, gradient, moments and new moments ({@code vx} and {@code nx} are the AMSGrad
     * maxima, null without AMSGrad, {@code vx} also at its first step), starting at
     * {@code at[0..7]} in that order.
     */
    static void adam(float[] p, float[] g, float[] m, float[] v, float[] vx, float[] nm, float[] nv, float[] nx,
                     int[] at, int n, AdamStep s) {
        boolean decoupled = s.weightDecay() != 0 && s.decoupled();
        boolean coupled = s.weightDecay() != 0 && !s.decoupled();
        boolean amsgrad = s.amsgrad();
        boolean firstMax = vx == null;
        float shrink = (float) (1 - s.lr() * s.weightDecay());
        float wd = (float) s.weightDecay();
        float b1 = (float) s.beta1();
        float c1 = (float) (1 - s.beta1());
        float b2 = (float) s.beta2();
        float c2 = (float) (1 - s.beta2());
        float corr = (float) s.secondMomentCorrection();
        float eps = (float) s.eps();
        float step = (float) -s.stepSize();
        int po = at[0], go = at[1], mo = at[2], vo = at[3], xo = at[4], nmo = at[5], nvo = at[6], nxo = at[7];
        FloatVector vwd = FloatVector.broadcast(F, wd);
        FloatVector vc1 = FloatVector.broadcast(F, c1);
        FloatVector vstep = FloatVector.broadcast(F, step);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector gv = FloatVector.fromArray(F, g, go + i);
            if (decoupled) {
                pv = pv.mul(shrink);
            } else if (coupled) {
                gv = pv.fma(vwd, gv);
            }
            FloatVector m1 = gv.fma(vc1, FloatVector.fromArray(F, m, mo + i).mul(b1));
            FloatVector v1 = FloatVector.fromArray(F, v, vo + i).mul(b2).add(gv.mul(c2).mul(gv));
            m1.intoArray(nm, nmo + i);
            v1.intoArray(nv, nvo + i);
            FloatVector second = v1;
            if (amsgrad) {
                second = firstMax ? v1 : FloatVector.fromArray(F, vx, xo + i).max(v1);
                second.intoArray(nx, nxo + i);
            }
            FloatVector denom = second.sqrt().div(corr).add(eps);
            m1.div(denom).fma(vstep, pv).intoArray(p, po + i);
        }
        for (; i < n; i++) {
            float pv = p[po + i];
            float gv = g[go + i];
            if (decoupled) {
                pv = pv * shrink;
            } else if (coupled) {
                gv = Math.fma(pv, wd, gv);
            }
            float m1 = Math.fma(gv, c1, m[mo + i] * b1);
            float v1 = v[vo + i] * b2 + gv * c2 * gv;
            nm[nmo + i] = m1;
            nv[nvo + i] = v1;
            float second = v1;
            if (amsgrad) {
                second = firstMax ? v1 : Math.max(vx[xo + i], v1);
                nx[nxo + i] = second;
            }
            float denom = (float) Math.sqrt(second) / corr + eps;
            p[po + i] = Math.fma(m1 / denom, step, pv);
        }
    }

    /** {@link #adam(float[], float[], float[], float[], float[], float[], float[], float[], int[], int, AdamStep)} for doubles. */
    static void adam(double[] p, double[] g, double[] m, double[] v, double[] vx, double[] nm, double[] nv,
                     double[] nx, int[] at, int n, AdamStep s) {
        boolean decoupled = s.weightDecay() != 0 && s.decoupled();
        boolean coupled = s.weightDecay() != 0 && !s.decoupled();
        boolean amsgrad = s.amsgrad();
        boolean firstMax = vx == null;
        double shrink = 1 - s.lr() * s.weightDecay();
        double wd = s.weightDecay();
        double b1 = s.beta1();
        double c1 = 1 - s.beta1();
        double b2 = s.beta2();
        double c2 = 1 - s.beta2();
        double corr = s.secondMomentCorrection();
        double eps = s.eps();
        double step = -s.stepSize();
        int po = at[0], go = at[1], mo = at[2], vo = at[3], xo = at[4], nmo = at[5], nvo = at[6], nxo = at[7];
        DoubleVector vwd = DoubleVector.broadcast(D, wd);
        DoubleVector vc1 = DoubleVector.broadcast(D, c1);
        DoubleVector vstep = DoubleVector.broadcast(D, step);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector gv = DoubleVector.fromArray(D, g, go + i);
            if (decoupled) {
                pv = pv.mul(shrink);
            } else if (coupled) {
                gv = pv.fma(vwd, gv);
            }
            DoubleVector m1 = gv.fma(vc1, DoubleVector.fromArray(D, m, mo + i).mul(b1));
            DoubleVector v1 = DoubleVector.fromArray(D, v, vo + i).mul(b2).add(gv.mul(c2).mul(gv));
            m1.intoArray(nm, nmo + i);
            v1.intoArray(nv, nvo + i);
            DoubleVector second = v1;
            if (amsgrad) {
                second = firstMax ? v1 : DoubleVector.fromArray(D, vx, xo + i).max(v1);
                second.intoArray(nx, nxo + i);
            }
            DoubleVector denom = second.sqrt().div(corr).add(eps);
            m1.div(denom).fma(vstep, pv).intoArray(p, po + i);
        }
        for (; i < n; i++) {
            double pv = p[po + i];
            double gv = g[go + i];
            if (decoupled) {
                pv = pv * shrink;
            } else if (coupled) {
                gv = Math.fma(pv, wd, gv);
            }
            double m1 = Math.fma(gv, c1, m[mo + i] * b1);
            double v1 = v[vo + i] * b2 + gv * c2 * gv;
            nm[nmo + i] = m1;
            nv[nvo + i] = v1;
            double second = v1;
            if (amsgrad) {
                second = firstMax ? v1 : Math.max(vx[xo + i], v1);
                nx[nxo + i] = second;
            }
            double denom = Math.sqrt(second) / corr + eps;
            p[po + i] = Math.fma(m1 / denom, step, pv);
        }
    }

    /**
     * {@link dev.nabla.tensor.spi.Backend#adagradStep} on elements {@code [0, n)} of runs of the
     * parameter, gradient, sum and new sum starting at {@code po}, {@code go}, {@code so} and
     * {@code no}.
     */
    static void adagrad(float[] p, int po, float[] g, int go, float[] sum, int so, float[] ns, int no, int n,
                        AdagradStep s) {
        boolean decay = s.weightDecay() != 0;
        float wd = (float) s.weightDecay();
        float eps = (float) s.eps();
        float step = (float) -s.decayedLr();
        FloatVector vwd = FloatVector.broadcast(F, wd);
        FloatVector vstep = FloatVector.broadcast(F, step);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector gv = FloatVector.fromArray(F, g, go + i);
            if (decay) {
                gv = pv.fma(vwd, gv);
            }
            FloatVector s1 = FloatVector.fromArray(F, sum, so + i).add(gv.mul(gv));
            s1.intoArray(ns, no + i);
            gv.div(s1.sqrt().add(eps)).fma(vstep, pv).intoArray(p, po + i);
        }
        for (; i < n; i++) {
            float pv = p[po + i];
            float gv = decay ? Math.fma(pv, wd, g[go + i]) : g[go + i];
            float s1 = sum[so + i] + gv * gv;
            ns[no + i] = s1;
            p[po + i] = Math.fma(gv / ((float) Math.sqrt(s1) + eps), step, pv);
        }
    }

    /** {@link #adagrad(float[], int, float[], int, float[], int, float[], int, int, AdagradStep)} for doubles. */
    static void adagrad(double[] p, int po, double[] g, int go, double[] sum, int so, double[] ns, int no, int n,
                        AdagradStep s) {
        boolean decay = s.weightDecay() != 0;
        double wd = s.weightDecay();
        double eps = s.eps();
        double step = -s.decayedLr();
        DoubleVector vwd = DoubleVector.broadcast(D, wd);
        DoubleVector vstep = DoubleVector.broadcast(D, step);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector gv = DoubleVector.fromArray(D, g, go + i);
            if (decay) {
                gv = pv.fma(vwd, gv);
            }
            DoubleVector s1 = DoubleVector.fromArray(D, sum, so + i).add(gv.mul(gv));
            s1.intoArray(ns, no + i);
            gv.div(s1.sqrt().add(eps)).fma(vstep, pv).intoArray(p, po + i);
        }
        for (; i < n; i++) {
            double pv = p[po + i];
            double gv = decay ? Math.fma(pv, wd, g[go + i]) : g[go + i];
            double s1 = sum[so + i] + gv * gv;
            ns[no + i] = s1;
            p[po + i] = Math.fma(gv / (Math.sqrt(s1) + eps), step, pv);
        }
    }

    /**
     * {@link dev.nabla.tensor.spi.Backend#rmspropStep} on elements {@code [0, n)} of runs of the
     * parameter, gradient, square average, gradient average, buffer, and their new values starting
     * at {@code at[0..7]}; {@code ga} and {@code nga} are null unless centered, {@code b} and
     * {@code nb} null without momentum.
     */
    static void rmsprop(float[] p, float[] g, float[] sq, float[] ga, float[] b, float[] nsq, float[] nga, float[] nb,
                        int[] at, int n, RmspropStep s) {
        boolean decay = s.weightDecay() != 0;
        boolean centered = s.centered();
        boolean momentum = s.hasMomentum();
        float wd = (float) s.weightDecay();
        float alpha = (float) s.alpha();
        float rest = (float) (1 - s.alpha());
        float eps = (float) s.eps();
        float m = (float) s.momentum();
        float step = (float) -s.lr();
        int po = at[0], go = at[1], so = at[2], ao = at[3], bo = at[4], nso = at[5], nao = at[6], nbo = at[7];
        FloatVector vwd = FloatVector.broadcast(F, wd);
        FloatVector vrest = FloatVector.broadcast(F, rest);
        FloatVector vstep = FloatVector.broadcast(F, step);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector pv = FloatVector.fromArray(F, p, po + i);
            FloatVector gv = FloatVector.fromArray(F, g, go + i);
            if (decay) {
                gv = pv.fma(vwd, gv);
            }
            FloatVector v1 = FloatVector.fromArray(F, sq, so + i).mul(alpha).add(gv.mul(rest).mul(gv));
            v1.intoArray(nsq, nso + i);
            FloatVector variance = v1;
            if (centered) {
                FloatVector a1 = gv.fma(vrest, FloatVector.fromArray(F, ga, ao + i).mul(alpha));
                a1.intoArray(nga, nao + i);
                variance = v1.add(a1.neg().mul(a1));
            }
            FloatVector direction = gv.div(variance.sqrt().add(eps));
            if (momentum) {
                direction = FloatVector.fromArray(F, b, bo + i).mul(m).add(direction);
                direction.intoArray(nb, nbo + i);
            }
            direction.fma(vstep, pv).intoArray(p, po + i);
        }
        for (; i < n; i++) {
            float pv = p[po + i];
            float gv = decay ? Math.fma(pv, wd, g[go + i]) : g[go + i];
            float v1 = sq[so + i] * alpha + gv * rest * gv;
            nsq[nso + i] = v1;
            float variance = v1;
            if (centered) {
                float a1 = Math.fma(gv, rest, ga[ao + i] * alpha);
                nga[nao + i] = a1;
                variance = v1 + -a1 * a1;
            }
            float direction = gv / ((float) Math.sqrt(variance) + eps);
            if (momentum) {
                direction = b[bo + i] * m + direction;
                nb[nbo + i] = direction;
            }
            p[po + i] = Math.fma(direction, step, pv);
        }
    }

    /** {@link #rmsprop(float[], float[], float[], float[], float[], float[], float[], float[], int[], int, RmspropStep)} for doubles. */
    static void rmsprop(double[] p, double[] g, double[] sq, double[] ga, double[] b, double[] nsq, double[] nga,
                        double[] nb, int[] at, int n, RmspropStep s) {
        boolean decay = s.weightDecay() != 0;
        boolean centered = s.centered();
        boolean momentum = s.hasMomentum();
        double wd = s.weightDecay();
        double alpha = s.alpha();
        double rest = 1 - s.alpha();
        double eps = s.eps();
        double m = s.momentum();
        double step = -s.lr();
        int po = at[0], go = at[1], so = at[2], ao = at[3], bo = at[4], nso = at[5], nao = at[6], nbo = at[7];
        DoubleVector vwd = DoubleVector.broadcast(D, wd);
        DoubleVector vrest = DoubleVector.broadcast(D, rest);
        DoubleVector vstep = DoubleVector.broadcast(D, step);
        int i = 0;
        for (int bound = D.loopBound(n); i < bound; i += D.length()) {
            DoubleVector pv = DoubleVector.fromArray(D, p, po + i);
            DoubleVector gv = DoubleVector.fromArray(D, g, go + i);
            if (decay) {
                gv = pv.fma(vwd, gv);
            }
            DoubleVector v1 = DoubleVector.fromArray(D, sq, so + i).mul(alpha).add(gv.mul(rest).mul(gv));
            v1.intoArray(nsq, nso + i);
            DoubleVector variance = v1;
            if (centered) {
                DoubleVector a1 = gv.fma(vrest, DoubleVector.fromArray(D, ga, ao + i).mul(alpha));
                a1.intoArray(nga, nao + i);
                variance = v1.add(a1.neg().mul(a1));
            }
            DoubleVector direction = gv.div(variance.sqrt().add(eps));
            if (momentum) {
                direction = DoubleVector.fromArray(D, b, bo + i).mul(m).add(direction);
                direction.intoArray(nb, nbo + i);
            }
            direction.fma(vstep, pv).intoArray(p, po + i);
        }
        for (; i < n; i++) {
            double pv = p[po + i];
            double gv = decay ? Math.fma(pv, wd, g[go + i]) : g[go + i];
            double v1 = sq[so + i] * alpha + gv * rest * gv;
            nsq[nso + i] = v1;
            double variance = v1;
            if (centered) {
                double a1 = Math.fma(gv, rest, ga[ao + i] * alpha);
                nga[nao + i] = a1;
                variance = v1 + -a1 * a1;
            }
            double direction = gv / (Math.sqrt(variance) + eps);
            if (momentum) {
                direction = b[bo + i] * m + direction;
                nb[nbo + i] = direction;
            }
            p[po + i] = Math.fma(direction, step, pv);
        }
    }
}
