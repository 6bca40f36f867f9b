package dev.nabla.tensor.random;

import java.util.Arrays;

/**
 * A seeded, splittable pseudorandom generator: the engine's only source of randomness.
 *
 * <p>The algorithm is written out here rather than borrowed from {@code java.util.random}, so the
 * same seed yields the same bits on every JDK and every backend. The core is xoshiro256**
 * (Blackman and Vigna, 256 bits of state, period 2<sup>256</sup>-1); a seed is expanded into
 * that state with SplitMix64, as the xoshiro authors recommend. {@link #split()} derives a
 * child's whole 256-bit state from four outputs of the parent, each passed through the
 * SplitMix64 finalizer, so children of children never land on a parent's stream the way
 * jump-based splitting would.
 *
 * <p>Thread safety: every method is synchronized on the instance, so the process-wide
 * {@link #global()} generator may be used from any thread (an uncontended lock is cheap next to a
 * fill). Values drawn from one instance by several threads interleave in an unspecified order;
 * for reproducible parallel work give each thread its own {@link #split()}.
 */
public final class Rng {
    /** Fixed default seed of {@link #global()} when the {@code nabla.seed} property is not set. */
    public static final long DEFAULT_SEED = 0L;

    /** Number of longs in {@link #state()}. */
    public static final int STATE_LENGTH = 4;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final float FLOAT_UNIT = 0x1.0p-24f;

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** A generator whose stream is fully determined by {@code seed}; any long is a valid seed. */
    public Rng(long seed) {
        reseed(seed);
    }

    private Rng(long s0, long s1, long s2, long s3) {
        setState(s0, s1, s2, s3);
    }

    /**
     * The process-wide generator. Its initial seed is the system property {@code nabla.seed}
     * (a decimal long) when set, else {@link #DEFAULT_SEED}, so runs are reproducible by default.
     *
     * @throws IllegalArgumentException (wrapped in an {@link ExceptionInInitializerError} on first
     *     use) if {@code nabla.seed} is not a long
     */
    public static Rng global() {
        return Global.INSTANCE;
    }

    /** Reseeds {@link #global()} in place, like {@code torch.manual_seed}. */
    public static void manualSeed(long seed) {
        Global.INSTANCE.reseed(seed);
    }

    /** Deferred so that a malformed {@code nabla.seed} breaks only {@link #global()}, not every Rng. */
    private static final class Global {
        static final Rng INSTANCE = new Rng(seedFromProperty());

        private static long seedFromProperty() {
            String s = System.getProperty("nabla.seed");
            if (s == null) {
                return DEFAULT_SEED;
            }
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "rng: system property nabla.seed must be a decimal long, got '" + s + "'", e);
            }
        }
    }

    /**
     * A new generator, statistically independent of this one, whose state is determined by this
     * generator's state. Advances this generator by four steps.
     */
    public synchronized Rng split() {
        return new Rng(mix64(next()), mix64(next()), mix64(next()), mix64(next()));
    }

    /** An independent copy with the same state: both produce the same sequence from here on. */
    public synchronized Rng copy() {
        return new Rng(s0, s1, s2, s3);
    }

    /** The full generator state, {@link #STATE_LENGTH} longs, for exact resumption with {@link #fromState}. */
    public synchronized long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    /**
     * A generator that continues exactly where the one that produced {@code state} was.
     *
     * @param state {@link #STATE_LENGTH} longs from {@link #state()}, not all zero
     * @throws IllegalArgumentException if the length is wrong or every word is zero
     */
    public static Rng fromState(long[] state) {
        if (state == null || state.length != STATE_LENGTH) {
            throw new IllegalArgumentException("rng.fromState: state must hold " + STATE_LENGTH + " longs, got "
                    + (state == null ? "null" : state.length + " " + Arrays.toString(state)));
        }
        if ((state[0] | state[1] | state[2] | state[3]) == 0) {
            throw new IllegalArgumentException(
                    "rng.fromState: an all-zero state is invalid (the generator would only produce zeros)");
        }
        return new Rng(state[0], state[1], state[2], state[3]);
    }

    /**
     * Sets this generator, in place, to continue exactly where the one that produced {@code state}
     * was: every holder of this generator (a layer drawing from {@link #global()}, say) sees the
     * restored stream, as {@code torch.set_rng_state} does for a resumed run.
     *
     * @param state {@link #STATE_LENGTH} longs from {@link #state()}, not all zero
     * @throws IllegalArgumentException if the length is wrong or every word is zero
     */
    public synchronized void restoreState(long[] state) {
        Rng checked = fromState(state);
        setState(checked.s0, checked.s1, checked.s2, checked.s3);
    }

    /** 64 uniformly random bits. */
    public synchronized long nextLong() {
        return next();
    }

    /**
     * A uniform integer in {@code [0, bound)}, without modulo bias.
     *
     * @throws IllegalArgumentException if {@code bound <= 0}
     */
    public synchronized int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("rng.nextInt: bound must be > 0, got " + bound);
        }
        return boundedInt(bound);
    }

    /** A uniform double in {@code [0, 1)}: a multiple of 2<sup>-53</sup> from 53 random bits. */
    public synchronized double nextDouble() {
        return uniformDouble();
    }

    /** A uniform float in {@code [0, 1)}: a multiple of 2<sup>-24</sup> from 24 random bits. */
    public synchronized float nextFloat() {
        return (next() >>> 40) * FLOAT_UNIT;
    }

    /**
     * A standard normal sample (mean 0, standard deviation 1), by the Box-Muller transform:
     * {@code sqrt(-2 ln u1) * cos(2 pi u2)} with StrictMath, so the result is bit-identical on every
     * JVM. Consumes two uniforms; the sine partner is discarded. It equals the first value that
     * {@code fillNormal(double[], 0, 1)} would write from the same state.
     */
    public synchronized double nextGaussian() {
        double r = gaussianRadius();
        return r * StrictMath.cos(gaussianAngle());
    }

    /**
     * Fills {@code out} (modified) with uniform samples in {@code [low, high)}. Every stored value
     * is a float32 inside the interval even after rounding.
     *
     * @throws IllegalArgumentException if a bound is not finite, {@code low >= high}, or no float32
     *     lies in {@code [low, high)}
     */
    public synchronized void fillUniform(float[] out, double low, double high) {
        checkUniformBounds(low, high);
        float lo = (float) low;
        if (lo < low) {
            lo = Math.nextUp(lo);
        }
        float hi = (float) high;
        if (hi >= high) {
            hi = Math.nextDown(hi);
        }
        if (lo > hi) {
            throw new IllegalArgumentException("rng.fillUniform: no float32 value lies in [low, high) = ["
                    + low + ", " + high + "); widen the interval or fill a double[]");
        }
        double span = high - low;
        for (int i = 0; i < out.length; i++) {
            // Rounding low + span * u to float can land on high or below low; clamp to the floats inside.
            out[i] = Math.min(Math.max((float) (low + span * uniformDouble()), lo), hi);
        }
    }

    /**
     * Fills {@code out} (modified) with uniform samples in {@code [low, high)}.
     *
     * @throws IllegalArgumentException if a bound is not finite or {@code low >= high}
     */
    public synchronized void fillUniform(double[] out, double low, double high) {
        checkUniformBounds(low, high);
        double hi = Math.nextDown(high);
        double span = high - low;
        for (int i = 0; i < out.length; i++) {
            // low + span * u can round up to high when u is close to 1.
            out[i] = Math.min(low + span * uniformDouble(), hi);
        }
    }

    /**
     * Fills {@code out} (modified) with normal samples {@code mean + std * z}, z standard normal by
     * Box-Muller: element 2k is the cosine and element 2k+1 the sine branch of the k-th pair of
     * uniforms, so a shorter fill gives a prefix of a longer one.
     *
     * @throws IllegalArgumentException if {@code mean} is not finite or {@code std} is negative or not finite
     */
    public synchronized void fillNormal(float[] out, double mean, double std) {
        checkNormal(mean, std);
        normals(out.length, mean, std, (i, v) -> out[i] = (float) v);
    }

    /**
     * Fills {@code out} (modified) with normal samples {@code mean + std * z}; see
     * {@link #fillNormal(float[], double, double)} for the order of the samples.
     *
     * @throws IllegalArgumentException if {@code mean} is not finite or {@code std} is negative or not finite
     */
    public synchronized void fillNormal(double[] out, double mean, double std) {
        checkNormal(mean, std);
        normals(out.length, mean, std, (i, v) -> out[i] = v);
    }

    /**
     * Fills {@code out} (modified) with 1 with probability {@code p}, else 0.
     *
     * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]}
     */
    public synchronized void fillBernoulli(float[] out, double p) {
        checkProbability(p);
        for (int i = 0; i < out.length; i++) {
            out[i] = uniformDouble() < p ? 1f : 0f;
        }
    }

    /**
     * Fills {@code out} (modified) with 1 with probability {@code p}, else 0.
     *
     * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]}
     */
    public synchronized void fillBernoulli(double[] out, double p) {
        checkProbability(p);
        for (int i = 0; i < out.length; i++) {
            out[i] = uniformDouble() < p ? 1.0 : 0.0;
        }
    }

    /**
     * A uniformly random permutation of {@code 0 .. n-1} (Fisher-Yates).
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public synchronized int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("rng.permutation: n must be >= 0, got " + n);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = boundedInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private synchronized void reseed(long seed) {
        long x = seed;
        long a = mix64(x += GOLDEN_GAMMA);
        long b = mix64(x += GOLDEN_GAMMA);
        long c = mix64(x += GOLDEN_GAMMA);
        long d = mix64(x + GOLDEN_GAMMA);
        setState(a, b, c, d);
    }

    private void setState(long a, long b, long c, long d) {
        // xoshiro's only forbidden state; reachable here only with probability 2^-256.
        if ((a | b | c | d) == 0) {
            a = GOLDEN_GAMMA;
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }

    /** One xoshiro256** step. */
    private long next() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** The SplitMix64 finalizer (Stafford's variant 13): a bijection that scrambles all 64 bits. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private double uniformDouble() {
        return (next() >>> 11) * DOUBLE_UNIT;
    }

    /** Lemire's multiply-and-reject on the top 32 bits: unbiased, usually one step. */
    private int boundedInt(int bound) {
        long m = (next() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (next() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Receives element {@code i} of a fill, so one loop serves float and double arrays. */
    @FunctionalInterface
    private interface IndexedSink {
        void set(int i, double v);
    }

    /** Box-Muller pairs: cosine branch to even indices, sine branch to odd ones. */
    private void normals(int n, double mean, double std, IndexedSink out) {
        for (int i = 0; i < n; i += 2) {
            double r = gaussianRadius();
            double theta = gaussianAngle();
            out.set(i, mean + std * r * StrictMath.cos(theta));
            if (i + 1 < n) {
                out.set(i + 1, mean + std * r * StrictMath.sin(theta));
            }
        }
    }

    /** sqrt(-2 ln u) with u in (0, 1], so the logarithm is finite. */
    private double gaussianRadius() {
        return StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - uniformDouble()));
    }

    private double gaussianAngle() {
        return 2.0 * Math.PI * uniformDouble();
    }

    private static void checkUniformBounds(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(
                    "rng.fillUniform: low and high must be finite, got low=" + low + ", high=" + high);
        }
        if (!(low < high)) {
            throw new IllegalArgumentException(
                    "rng.fillUniform: low must be < high, got low=" + low + ", high=" + high);
        }
        if (!Double.isFinite(high - low)) {
            throw new IllegalArgumentException("rng.fillUniform: high - low overflows a double for low="
                    + low + ", high=" + high + "; narrow the interval");
        }
    }

    private static void checkNormal(double mean, double std) {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("rng.fillNormal: mean must be finite, got " + mean);
        }
        if (!(std >= 0) || std == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("rng.fillNormal: std must be >= 0 and finite, got " + std);
        }
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("rng.fillBernoulli: p must be in [0, 1], got " + p);
        }
    }
}
