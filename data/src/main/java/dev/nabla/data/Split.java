package dev.nabla.data;

import dev.nabla.tensor.random.Rng;
import java.util.Arrays;

/**
 * A dataset divided into a training part and a test part.
 *
 * @param train the samples to fit on
 * @param test  the held-out samples
 */
public record Split(Dataset train, Dataset test) {

    /**
     * A seeded random split: {@code ceil(testFraction * n)} samples go to the test part (as
     * scikit-learn's {@code train_test_split} counts them), the rest to the training part. Both
     * parts keep the dataset's order; the same seed gives the same split.
     *
     * @param testFraction in {@code (0, 1)}
     * @throws IllegalArgumentException if the fraction is outside {@code (0, 1)} or leaves a part empty
     */
    public static Split random(Dataset dataset, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split: testFraction must be in (0, 1), got " + testFraction);
        }
        int n = dataset.size();
        int testCount = (int) Math.ceil(testFraction * n);
        if (testCount >= n) {
            throw new IllegalArgumentException("split: testFraction " + testFraction + " of " + n
                    + " samples leaves no training sample; use a smaller fraction or more data");
        }
        int[] order = new Rng(seed).permutation(n);
        int[] test = Arrays.copyOfRange(order, 0, testCount);
        int[] train = Arrays.copyOfRange(order, testCount, n);
        Arrays.sort(test);
        Arrays.sort(train);
        return new Split(new Subset(dataset, train), new Subset(dataset, test));
    }
}
