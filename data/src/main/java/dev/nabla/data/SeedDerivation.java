package dev.nabla.data;

/**
 * Derives independent seeds from a base seed and a few integers, so that every (epoch, sample)
 * pair gets its own generator without any shared state between threads.
 */
final class SeedDerivation {
    /** Separates the streams of shuffling, samples and batches that share a base seed. */
    static final long SHUFFLE = 0x5348_5546L;
    static final long SAMPLE = 0x5341_4D50L;
    static final long BATCH = 0x4241_5443L;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SeedDerivation() {
    }

    /** A seed that depends on every argument; each step is a bijection of the running hash. */
    static long derive(long seed, long stream, long a, long b) {
        long h = mix64(seed + GOLDEN_GAMMA);
        h = mix64(h ^ mix64(stream + 2 * GOLDEN_GAMMA));
        h = mix64(h ^ mix64(a + 3 * GOLDEN_GAMMA));
        return mix64(h ^ mix64(b + 4 * GOLDEN_GAMMA));
    }

    /** The SplitMix64 finalizer. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
