package dev.nabla.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.io.Safetensors;
import dev.nabla.tensor.io.SafetensorsEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizerTest {
    @TempDir
    Path dir;

    /** Two samples [2, 1, 2]: channel 0 holds 1, 3 / 5, 7; channel 1 holds 10, 10 / 10, 10 (constant). */
    private static ArrayDataset twoChannels() {
        float[] x = {1, 3, 10, 10, 5, 7, 10, 10};
        return ArrayDataset.ofFloats(x, Shape.of(2, 1, 2), new float[] {0, 1}, List.of(), Device.REFERENCE);
    }

    private static Tensor tensor(float[] v, int... dims) {
        return Tensor.fromArray(v, Shape.of(dims), Device.REFERENCE);
    }

    @Test
    void rescaleMultiplies() {
        Normalizer n = Normalizer.rescale(1 / 255.0);
        assertThat(n.normalizeSample(tensor(new float[] {0, 51, 255}, 3)).toFloatArray())
                .containsExactly(0f, 0.2f, 1f);
        assertThatThrownBy(() -> Normalizer.rescale(0)).hasMessage("normalizer.rescale: factor must be finite and non-zero, got 0.0");
        assertThatThrownBy(() -> Normalizer.rescale(Double.NaN)).hasMessageContaining("got NaN");
    }

    @Test
    void perChannelStandardizationUsesPopulationStd() {
        Normalizer n = Normalizer.fitStandardize(twoChannels(), Normalizer.Scope.PER_CHANNEL);
        // Channel 0: values 1, 3, 5, 7: mean 4, population std sqrt(5). Channel 1 is constant: std 0 becomes 1.
        assertThat(n.shift().toFloatArray()).containsExactly(4, 10);
        assertThat(n.scale().toFloatArray()).containsExactly(new float[] {(float) Math.sqrt(5), 1}, within(1e-6f));
        Tensor batch = tensor(new float[] {1, 3, 10, 10, 5, 7, 10, 12}, 2, 2, 1, 2);
        float s = (float) Math.sqrt(5);
        assertThat(n.normalizeBatch(batch).toFloatArray()).containsExactly(new float[] {-3 / s, -1 / s, 0, 0, 1 / s,
                3 / s, 0, 2}, within(1e-6f));
        assertThat(n.normalizeBatch(batch).shape()).isEqualTo(Shape.of(2, 2, 1, 2));
        assertThat(n.normalizeSample(tensor(new float[] {4, 4, 11, 11}, 2, 1, 2)).toFloatArray())
                .containsExactly(0, 0, 1, 1);
    }

    @Test
    void perFeatureAndGlobalStatistics() {
        Normalizer perFeature = Normalizer.fitStandardize(twoChannels(), Normalizer.Scope.PER_FEATURE);
        assertThat(perFeature.shift().shape()).isEqualTo(Shape.of(2, 1, 2));
        assertThat(perFeature.shift().toFloatArray()).containsExactly(3, 5, 10, 10);
        assertThat(perFeature.scale().toFloatArray()).containsExactly(2, 2, 1, 1);
        Normalizer global = Normalizer.fitStandardize(twoChannels(), Normalizer.Scope.GLOBAL);
        // Values 1, 3, 10, 10, 5, 7, 10, 10: mean 7, variance (36 + 16 + 9 * 4 + 4 + 0) / 8 = 11.5.
        assertThat(global.shift().item()).isEqualTo(7);
        assertThat(global.scale().item()).isCloseTo(Math.sqrt(11.5), within(1e-6));
    }

    @Test
    void minMaxMapsTheTrainingRangeToUnitInterval() {
        Normalizer n = Normalizer.fitMinMax(twoChannels(), Normalizer.Scope.PER_CHANNEL);
        assertThat(n.shift().toFloatArray()).containsExactly(1, 10);
        assertThat(n.scale().toFloatArray()).containsExactly(6, 1);
        assertThat(n.normalizeSample(tensor(new float[] {1, 7, 10, 10}, 2, 1, 2)).toFloatArray())
                .containsExactly(0, 1, 0, 0);
    }

    @Test
    void standardizationStaysAccurateForLargeOffsets() {
        float[] x = {100_000.5f, 100_001.5f};
        ArrayDataset d = ArrayDataset.ofFloats(x, Shape.of(1), new float[] {0, 0}, List.of(), Device.REFERENCE);
        Normalizer n = Normalizer.fitStandardize(d, Normalizer.Scope.GLOBAL);
        assertThat(n.shift().item()).isEqualTo(100_001);
        assertThat(n.scale().item()).isEqualTo(0.5);
    }

    @Test
    void knownStatisticsAsTorchvisionNormalize() {
        Normalizer n = Normalizer.standardize(new double[] {0.5, 0.25}, new double[] {0.5, 0.25});
        assertThat(n.normalizeSample(tensor(new float[] {1, 0.5f}, 2, 1, 1)).toFloatArray()).containsExactly(1, 1);
        assertThatThrownBy(() -> Normalizer.standardize(new double[] {0}, new double[] {0}))
                .hasMessage("normalizer.standardize: channel 0 has mean 0.0 and std 0.0; the mean must be finite and "
                        + "the std positive and finite");
        assertThatThrownBy(() -> Normalizer.standardize(new double[] {0, 1}, new double[] {1}))
                .hasMessageContaining("need the same non-zero length");
    }

    @Test
    void shapesThatDoNotMatchTheStatisticsAreRejected() {
        Normalizer perChannel = Normalizer.fitStandardize(twoChannels(), Normalizer.Scope.PER_CHANNEL);
        assertThatThrownBy(() -> perChannel.normalizeSample(tensor(new float[27], 3, 3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("normalizer.normalizeSample: features [3, 3, 3] have 3 channels (axis 0 of a sample) but the "
                        + "statistics have 2; normalize data shaped like the data the statistics came from");
        Normalizer perFeature = Normalizer.fitStandardize(twoChannels(), Normalizer.Scope.PER_FEATURE);
        assertThatThrownBy(() -> perFeature.normalizeBatch(tensor(new float[4], 1, 4)))
                .hasMessage("normalizer.normalizeBatch: samples [4] (of features [1, 4]) do not match the per-feature "
                        + "statistics [2, 1, 2]; normalize data shaped like the data the statistics came from");
        assertThatThrownBy(() -> perFeature.normalizeBatch(tensor(new float[] {1}, 1)))
                .hasMessageContaining("have no sample axes; expected [N, C, H, W] or [N, F]");
    }

    @Test
    void fittingRejectsNaNAndMixedShapes() {
        ArrayDataset nan = ArrayDataset.ofFloats(new float[] {1, Float.NaN}, Shape.of(1), new float[] {0, 0}, List.of(),
                Device.REFERENCE);
        assertThatThrownBy(() -> Normalizer.fitStandardize(nan, Normalizer.Scope.GLOBAL))
                .hasMessage("normalizer.fitStandardize: sample 1 holds NaN at flat position 0; statistics need finite values");
        assertThatThrownBy(() -> Normalizer.fitMinMax(twoChannels().subset(), Normalizer.Scope.GLOBAL))
                .hasMessage("normalizer.fitMinMax: the dataset is empty; fit on the training samples");
    }

    @Test
    void savedStatisticsLoadBackAndTheWriteIsAtomic() throws IOException {
        Normalizer n = Normalizer.fitStandardize(twoChannels(), Normalizer.Scope.PER_FEATURE);
        Path file = dir.resolve("norm.safetensors");
        n.save(file);
        assertThat(Files.list(dir).toList()).containsExactly(file);
        Normalizer back = Normalizer.load(file);
        assertThat(back.kind()).isEqualTo(Normalizer.Kind.STANDARDIZE);
        assertThat(back.scope()).isEqualTo(Normalizer.Scope.PER_FEATURE);
        assertThat(back.shift().shape()).isEqualTo(Shape.of(2, 1, 2));
        assertThat(back.toString()).isEqualTo(n.toString());
        assertThat(Normalizer.load(saved(Normalizer.rescale(0.5))).normalizeSample(tensor(new float[] {4}, 1)).item())
                .isEqualTo(2);

        Path other = dir.resolve("weights.safetensors");
        Safetensors.write(other, Map.of("weight", SafetensorsEntry.of(Shape.of(1), new float[] {1})), Map.of());
        assertThatThrownBy(() -> Normalizer.load(other)).isInstanceOf(DatasetFormatException.class)
                .hasMessage(other + ": not a saved normalizer (metadata format=null, tensors [weight]; expected "
                        + "format=nabla.normalizer with shift and scale)");
    }

    @Test
    void appliedByTheLoaderPerSampleOrPerBatchAlike() {
        Normalizer n = Normalizer.fitStandardize(twoChannels(), Normalizer.Scope.PER_CHANNEL);
        DataLoader perSample = DataLoader.builder(twoChannels()).batchSize(2).sampleTransform(n.sampleTransform()).build();
        DataLoader perBatch = DataLoader.builder(twoChannels()).batchSize(2).batchTransform(n.batchTransform()).build();
        assertThat(perSample.iterator().next().features().toFloatArray())
                .containsExactly(perBatch.iterator().next().features().toFloatArray());
    }

    private Path saved(Normalizer n) throws IOException {
        Path file = dir.resolve("n" + System.nanoTime() + ".safetensors");
        n.save(file);
        return file;
    }
}
