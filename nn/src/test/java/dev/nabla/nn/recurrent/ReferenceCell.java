package dev.nabla.nn.recurrent;

/**
 * One layer in one direction over a batch of one, written with plain arrays straight from
 * PyTorch's documented equations: an oracle for the gate order and the cell formulas.
 */
final class ReferenceCell {
    /** Hidden state after every step, and the final cell state (LSTM only, else null). */
    record Steps(double[][] h, double[] c) {
    }

    private ReferenceCell() {
    }

    /**
     * @param x      {@code [T][in]}
     * @param h0     {@code [hidden]}
     * @param c0     {@code [hidden]}, used by an LSTM only
     * @param params weight_ih, weight_hh, bias_ih, bias_hh, each row-major
     */
    static Steps run(Kind kind, double[][] x, double[] h0, double[] c0, double[][] params) {
        int hidden = h0.length;
        double[] h = h0.clone();
        double[] c = c0.clone();
        double[][] hs = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            double[] gi = affine(params[0], params[2], x[t]);
            double[] gh = affine(params[1], params[3], h);
            double[] next = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                switch (kind) {
                    case RNN_TANH -> next[j] = Math.tanh(gi[j] + gh[j]);
                    case RNN_RELU -> next[j] = Math.max(0, gi[j] + gh[j]);
                    case LSTM -> {
                        double in = sigmoid(gi[j] + gh[j]);
                        double forget = sigmoid(gi[hidden + j] + gh[hidden + j]);
                        double cell = Math.tanh(gi[2 * hidden + j] + gh[2 * hidden + j]);
                        double out = sigmoid(gi[3 * hidden + j] + gh[3 * hidden + j]);
                        c[j] = forget * c[j] + in * cell;
                        next[j] = out * Math.tanh(c[j]);
                    }
                    case GRU -> {
                        double r = sigmoid(gi[j] + gh[j]);
                        double z = sigmoid(gi[hidden + j] + gh[hidden + j]);
                        double n = Math.tanh(gi[2 * hidden + j] + r * gh[2 * hidden + j]);
                        next[j] = (1 - z) * n + z * h[j];
                    }
                }
            }
            h = next;
            hs[t] = h;
        }
        return new Steps(hs, kind == Kind.LSTM ? c : null);
    }

    private static double[] affine(double[] w, double[] b, double[] v) {
        double[] out = b.clone();
        for (int r = 0; r < out.length; r++) {
            for (int k = 0; k < v.length; k++) {
                out[r] += w[r * v.length + k] * v[k];
            }
        }
        return out;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
