package dev.nabla.bench;

import dev.nabla.bench.harness.Stopwatch;
import dev.nabla.bench.harness.Timing;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measured speed of one {@link ThroughputCase}: its repetitions, each a fixed number of calls,
 * summarised as samples per second (median, slowest and fastest repetition) and milliseconds per
 * step. {@code bench/pytorch/train_throughput.py} writes the same JSON fields.
 *
 * @param testCase       what was measured
 * @param device         the device it ran on, such as {@code simd}
 * @param threads        threads that device computed with
 * @param parameters     the model's parameter count
 * @param stepsPerCall   steps in one timed call (1, or the batches of a {@code fit} epoch)
 * @param samplesPerCall samples in one timed call
 * @param watch          the timing settings: warm-up, repetitions, their least duration
 * @param timing         the repetitions: calls per repetition and the time per call of each
 * @param reference      for a {@code fit} case, the bare training step's repetitions, timed in turn
 *                       with {@code timing}'s (one step of {@code batch} samples per call); else null
 * @param loadAverage    the system's load average (1 minute) when the case started, or negative
 *                       where the system does not report one
 */
public record ThroughputResult(ThroughputCase testCase, String device, int threads, long parameters, int stepsPerCall,
        int samplesPerCall, Stopwatch watch, Timing timing, Timing reference, double loadAverage) {

    /** Samples per second of the median repetition. */
    public double samplesPerSecond() {
        return rate(timing.median());
    }

    /** Samples per second of the slowest repetition. */
    public double slowestSamplesPerSecond() {
        return rate(timing.max());
    }

    /** Samples per second of the fastest repetition. */
    public double fastestSamplesPerSecond() {
        return rate(timing.min());
    }

    /** Milliseconds per step of the median repetition. */
    public double msPerStep() {
        return timing.median() / stepsPerCall / 1e6;
    }

    /** Samples per second of the reference's median repetition, or null without a reference. */
    public Double referenceSamplesPerSecond() {
        return reference == null ? null : testCase.batch() / (reference.median() * 1e-9);
    }

    /**
     * This case's speed over the reference's, the median over repetitions of the ratio of each
     * repetition to the reference's repetition timed next to it; null without a reference.
     */
    public Double ratioToReference() {
        if (reference == null) {
            return null;
        }
        double[] mine = timing.nanosPerCall();
        double[] theirs = reference.nanosPerCall();
        double[] ratios = new double[mine.length];
        for (int i = 0; i < mine.length; i++) {
            ratios[i] = (samplesPerCall / mine[i]) / (testCase.batch() / theirs[i]);
        }
        return Timing.median(ratios);
    }

    /** Steps in one repetition. */
    public int stepsPerRepetition() {
        return timing.calls() * stepsPerCall;
    }

    /** The fields as a JSON object, in a fixed order (the same keys as the PyTorch script's records). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", testCase.name());
        m.put("model", testCase.model().id());
        m.put("mode", testCase.mode().id());
        m.put("batch", testCase.batch());
        m.put("optimizer", testCase.optimizer().label());
        m.put("impl", "nabla");
        m.put("config", "threads=" + threads);
        m.put("threads", threads);
        m.put("dtype", "F32");
        m.put("device", device);
        m.put("parameters", parameters);
        m.put("samplesPerSecond", samplesPerSecond());
        m.put("samplesPerSecondMin", slowestSamplesPerSecond());
        m.put("samplesPerSecondMax", fastestSamplesPerSecond());
        m.put("msPerStep", msPerStep());
        m.put("stepsPerRepetition", stepsPerRepetition());
        m.put("repetitions", timing.nanosPerCall().length);
        m.put("warmupSeconds", watch.warmupNanos() / 1e9);
        m.put("warmupCalls", watch.warmupCalls());
        m.put("loadAverage", loadAverage);
        m.put("referenceSamplesPerSecond", referenceSamplesPerSecond());
        m.put("ratioToReference", ratioToReference());
        return m;
    }

    private double rate(double nanosPerCall) {
        return samplesPerCall / (nanosPerCall * 1e-9);
    }
}
