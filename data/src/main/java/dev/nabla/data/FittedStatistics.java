package dev.nabla.data;

import dev.nabla.tensor.Shape;
import java.util.Arrays;

/**
 * Mean, population std, min and max of a dataset's features, per {@link Normalizer.Scope},
 * accumulated in double precision in one pass over the samples.
 *
 * @param shape the shape of each statistic array: {@code []}, {@code [C]} or the sample shape
 */
record FittedStatistics(Shape shape, float[] mean, float[] std, float[] min, float[] range) {

    /**
     * @param op names the fit in error messages
     * @throws IllegalArgumentException if the dataset is empty, samples differ in shape, or a value is not finite
     */
    static FittedStatistics of(Dataset data, Normalizer.Scope scope, String op) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(op + ": the dataset is empty; fit on the training samples");
        }
        Shape sampleShape = data.get(0).features().shape();
        Shape shape = switch (scope) {
            case GLOBAL -> Shape.scalar();
            case PER_CHANNEL -> {
                if (sampleShape.rank() == 0) {
                    throw new IllegalArgumentException(op + ": per-channel statistics need samples [C, ...], got "
                            + sampleShape);
                }
                yield Shape.of(sampleShape.dim(0));
            }
            case PER_FEATURE -> sampleShape;
        };
        int k = shape.numel();
        int width = Math.max(sampleShape.numel() / k, 1);
        // Sums of (v - first value) keep the variance accurate when the mean is large next to the spread.
        double[] first = new double[k];
        double[] sum = new double[k];
        double[] sumSq = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int s = 0; s < data.size(); s++) {
            Sample sample = data.get(s);
            if (!sample.features().shape().equals(sampleShape)) {
                throw new IllegalArgumentException(op + ": sample " + s + " has features " + sample.features().shape()
                        + " but sample 0 has " + sampleShape + "; all samples need one shape");
            }
            float[] v = sample.features().toFloatArray();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new IllegalArgumentException(op + ": sample " + s + " holds " + v[i] + " at flat position "
                            + i + "; statistics need finite values");
                }
                int stat = i / width;
                if (s == 0 && i % width == 0) {
                    first[stat] = v[i];
                }
                double d = v[i] - first[stat];
                sum[stat] += d;
                sumSq[stat] += d * d;
                lo[stat] = Math.min(lo[stat], v[i]);
                hi[stat] = Math.max(hi[stat], v[i]);
            }
        }
        double count = (double) data.size() * width;
        float[] mean = new float[k];
        float[] std = new float[k];
        float[] min = new float[k];
        float[] range = new float[k];
        for (int j = 0; j < k; j++) {
            double m = sum[j] / count;
            double variance = Math.max(sumSq[j] / count - m * m, 0);
            mean[j] = (float) (first[j] + m);
            std[j] = nonZero(Math.sqrt(variance));
            min[j] = (float) lo[j];
            range[j] = nonZero(hi[j] - lo[j]);
        }
        return new FittedStatistics(shape, mean, std, min, range);
    }

    /** A constant feature gets scale 1, as scikit-learn's scalers do, instead of a division by zero. */
    private static float nonZero(double scale) {
        return scale == 0 ? 1f : (float) scale;
    }
}
