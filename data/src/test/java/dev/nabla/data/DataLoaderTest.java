package dev.nabla.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    /** Sample i has features [i, 10 i, 100 i] and label i % 3. */
    private static ArrayDataset numbers(int n) {
        float[] x = new float[3 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[3 * i] = i;
            x[3 * i + 1] = 10 * i;
            x[3 * i + 2] = 100 * i;
            y[i] = i % 3;
        }
        return ArrayDataset.ofFloats(x, Shape.of(3), y, List.of("a", "b", "c"), Device.REFERENCE);
    }

    /** Adds a uniform number drawn from the sample's generator to every feature. */
    private static final SampleTransform JITTER = (s, rng) -> s.withFeatures(s.features().add(rng.nextDouble()));

    private static List<float[]> all(Iterable<Batch> batches) {
        List<float[]> out = new ArrayList<>();
        for (Batch b : batches) {
            out.add(b.features().toFloatArray());
            out.add(b.labels().toFloatArray());
        }
        return out;
    }

    @Test
    void batchesStackSamplesInOrderWithLabels() {
        DataLoader loader = DataLoader.builder(numbers(5)).batchSize(2).device(Device.REFERENCE).build();
        List<Batch> batches = new ArrayList<>();
        loader.epoch(0).forEach(batches::add);
        assertThat(batches).hasSize(3);
        assertThat(batches.get(0).features().shape()).isEqualTo(Shape.of(2, 3));
        assertThat(batches.get(0).features().toFloatArray()).containsExactly(0, 0, 0, 1, 10, 100);
        assertThat(batches.get(0).labels().toFloatArray()).containsExactly(0, 1);
        assertThat(batches.get(2).features().shape()).isEqualTo(Shape.of(1, 3));
        assertThat(batches.get(2).indices()).containsExactly(4);
        assertThat(loader.numBatches()).isEqualTo(3);
        assertThat(loader.numSamples()).isEqualTo(5);
    }

    @Test
    void dropLastLeavesOutThePartialBatch() {
        DataLoader loader = DataLoader.builder(numbers(5)).batchSize(2).dropLast(true).build();
        List<Integer> sizes = new ArrayList<>();
        loader.epoch(0).forEach(b -> sizes.add(b.size()));
        assertThat(sizes).containsExactly(2, 2);
        assertThat(loader.numSamples()).isEqualTo(4);
    }

    @Test
    void shufflingVisitsEverySampleOnceAndReshufflesEachEpoch() {
        DataLoader loader = DataLoader.builder(numbers(50)).batchSize(7).shuffle(3).build();
        Set<Integer> seen = new HashSet<>();
        for (Batch b : loader.epoch(0)) {
            float[] x = b.features().toFloatArray();
            for (int k = 0; k < b.size(); k++) {
                assertThat(x[3 * k]).isEqualTo(b.indices()[k]);
                seen.add(b.indices()[k]);
            }
        }
        assertThat(seen).hasSize(50);
        assertThat(loader.order(0)).isNotEqualTo(loader.order(1));
        assertThat(loader.order(0)).isEqualTo(DataLoader.builder(numbers(50)).shuffle(3).build().order(0));
        assertThat(loader.order(0)).isNotEqualTo(DataLoader.builder(numbers(50)).shuffle(4).build().order(0));
    }

    @Test
    void plainIterationAdvancesTheEpoch() {
        DataLoader loader = DataLoader.builder(numbers(20)).batchSize(20).shuffle(1).build();
        int[] first = loader.iterator().next().indices();
        int[] second = loader.iterator().next().indices();
        assertThat(first).isEqualTo(loader.order(0));
        assertThat(second).isEqualTo(loader.order(1));
    }

    @Test
    void sameSeedSameBatchesWhateverTheNumberOfWorkers() {
        List<List<float[]>> runs = new ArrayList<>();
        for (int workers : new int[] {0, 1, 2, 3}) {
            try (DataLoader loader = DataLoader.builder(numbers(101)).batchSize(8).shuffle(11).workers(workers)
                    .sampleTransform(JITTER).build()) {
                runs.add(all(loader.epoch(2)));
                assertThat(all(loader.epoch(2))).usingRecursiveComparison().isEqualTo(runs.get(runs.size() - 1));
            }
        }
        for (List<float[]> run : runs) {
            assertThat(run).usingRecursiveComparison().isEqualTo(runs.get(0));
        }
    }

    @Test
    void iterationCanStartMidEpochWithTheSameBatchesAsAFullPass() {
        for (int workers : new int[] {0, 2}) {
            List<Progress> reports = new ArrayList<>();
            try (DataLoader loader = DataLoader.builder(numbers(21)).batchSize(4).shuffle(5).workers(workers)
                    .sampleTransform(JITTER).progress(reports::add).build()) {
                List<float[]> full = all(loader.epoch(3));
                reports.clear();
                List<float[]> rest = new ArrayList<>();
                try (BatchIterator it = loader.iterator(3, 4)) {
                    it.forEachRemaining(b -> {
                        rest.add(b.features().toFloatArray());
                        rest.add(b.labels().toFloatArray());
                    });
                }
                assertThat(rest).usingRecursiveComparison().isEqualTo(full.subList(8, full.size()));
                assertThat(reports).containsExactly(new Progress(3, 5, 6, 20, 21), new Progress(3, 6, 6, 21, 21));
                assertThat(loader.iterator(3, 6).hasNext()).isFalse();
                assertThatThrownBy(() -> loader.iterator(3, 7)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("dataLoader: firstBatch must be in [0, 6], got 7");
            }
        }
    }

    @Test
    void sampleTransformGetsTheGeneratorOfSeedEpochAndIndex() {
        DataLoader loader = DataLoader.builder(numbers(4)).batchSize(4).seed(9).sampleTransform(JITTER).build();
        float[] x = loader.epoch(1).iterator().next().features().toFloatArray();
        for (int i = 0; i < 4; i++) {
            assertThat(x[3 * i]).isEqualTo((float) (i + DataLoader.sampleRng(9, 1, i).nextDouble()));
        }
    }

    @Test
    void transformsChainInCallOrderAndBatchTransformsSeeTheStack() {
        DataLoader loader = DataLoader.builder(numbers(3)).batchSize(3)
                .sampleTransform((s, rng) -> s.withFeatures(s.features().add(1)))
                .sampleTransform((s, rng) -> s.withFeatures(s.features().mul(2)))
                .batchTransform((b, rng) -> b.withFeatures(b.features().neg()))
                .build();
        Batch b = loader.iterator().next();
        assertThat(b.features().toFloatArray()).containsExactly(-2, -2, -2, -4, -22, -202, -6, -42, -402);
    }

    @Test
    void progressReportsBatchesAndSamples() {
        List<Progress> reports = new ArrayList<>();
        DataLoader loader = DataLoader.builder(numbers(5)).batchSize(2).workers(2).progress(reports::add).build();
        loader.epoch(4).forEach(b -> { });
        assertThat(reports).containsExactly(new Progress(4, 1, 3, 2, 5), new Progress(4, 2, 3, 4, 5),
                new Progress(4, 3, 3, 5, 5));
        assertThat(reports.get(2).done()).isTrue();
        assertThat(reports.get(0).fraction()).isEqualTo(1.0 / 3);
    }

    @Test
    void aFailingSampleSurfacesInTheCallerWithItsIndex() {
        for (int workers : new int[] {0, 2}) {
            DataLoader loader = DataLoader.builder(numbers(30)).batchSize(4).workers(workers)
                    .sampleTransform((s, rng) -> {
                        if (s.label() == 2 && s.features().toFloatArray()[0] == 17) {
                            throw new IllegalStateException("bad pixel");
                        }
                        return s;
                    }).build();
            BatchIterator it = loader.iterator(0);
            assertThatThrownBy(() -> {
                while (it.hasNext()) {
                    it.next();
                }
            }).isInstanceOf(DataLoaderException.class)
                    .hasMessage("dataLoader: sample 17 (epoch 0, batch 4) failed: IllegalStateException: bad pixel")
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(((DataLoaderException) e).sampleIndex()).isEqualTo(17));
            assertThat(it.hasNext()).isFalse();
            loader.close();
        }
    }

    @Test
    void samplesOfDifferentShapesInOneBatchAreAnError() {
        Dataset ragged = new Dataset() {
            @Override
            public int size() {
                return 2;
            }

            @Override
            public Sample get(int index) {
                return new Sample(Tensor.zeros(Shape.of(1, 2 + index, 2), dev.nabla.tensor.DType.F32, Device.REFERENCE), 0);
            }
        };
        DataLoader loader = DataLoader.builder(ragged).batchSize(2).build();
        assertThatThrownBy(() -> loader.iterator().next()).isInstanceOf(DataLoaderException.class)
                .hasMessageContaining("sample 1 has features [1, 3, 2] but sample 0, the first of its batch, has [1, 2, 2]");
    }

    @Test
    void closingEarlyStopsTheIterationAndTheWorkers() throws Exception {
        AtomicInteger made = new AtomicInteger();
        DataLoader loader = DataLoader.builder(numbers(1000)).batchSize(1).workers(2).prefetch(3)
                .sampleTransform((s, rng) -> {
                    made.incrementAndGet();
                    return s;
                }).build();
        try (BatchIterator it = loader.iterator(0)) {
            it.next();
        }
        Thread.sleep(200);
        assertThat(made.get()).isLessThanOrEqualTo(5);
        loader.close();
        assertThatThrownBy(loader::iterator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        BatchIterator done = DataLoader.builder(numbers(2)).batchSize(2).build().iterator(0);
        done.next();
        assertThatThrownBy(done::next).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("epoch 0 has no batch left");
    }

    @Test
    void closingTheLoaderDuringAnIterationEndsItWithAClearError() {
        // One worker and a deep prefetch: batches are still queued, never started, when the loader closes.
        DataLoader loader = DataLoader.builder(numbers(100)).batchSize(2).workers(1).prefetch(20)
                .sampleTransform((s, rng) -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return s;
                }).build();
        BatchIterator it = loader.iterator(0);
        it.next();
        loader.close();
        assertThatThrownBy(() -> {
            while (it.hasNext()) {
                it.next();
            }
        }).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dataLoader: the loader was closed while epoch 0 was being iterated");
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> DataLoader.builder(numbers(3)).batchSize(0).build())
                .hasMessage("dataLoader: batchSize must be >= 1, got 0");
        assertThatThrownBy(() -> DataLoader.builder(numbers(3)).workers(-1).build())
                .hasMessageContaining("workers must be >= 0, got -1");
        assertThatThrownBy(() -> DataLoader.builder(numbers(3)).workers(2).prefetch(0).build())
                .hasMessageContaining("prefetch must be >= 1 with 2 workers, got 0");
        assertThatThrownBy(() -> DataLoader.builder(numbers(3).subset()).build())
                .hasMessage("dataLoader: the dataset is empty");
        assertThatThrownBy(() -> DataLoader.builder(numbers(3)).build().epoch(-1))
                .hasMessage("dataLoader: epoch must be >= 0, got -1");
    }

    /**
     * Batches read straight from an in-memory set's arrays (floats, unsigned bytes, a subset of
     * either) equal those made sample by sample through {@link Dataset#get}.
     */
    @Test
    void readingSamplesDirectlyGivesTheBatchesThatGetGives() {
        byte[] pixels = new byte[4 * 10];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (37 * i);
        }
        float[] classes = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
        List<Dataset> sets = List.of(numbers(10),
                ArrayDataset.ofUnsignedBytes(pixels, Shape.of(2, 2), classes, List.of(), Device.REFERENCE),
                numbers(10).subset(9, 3, 3, 0, 7));
        for (Dataset set : sets) {
            assertThat(set.fixedSampleShape()).isNotNull();
            Dataset onlyGet = new Dataset() {
                @Override
                public int size() {
                    return set.size();
                }

                @Override
                public Sample get(int index) {
                    return set.get(index);
                }
            };
            assertThat(onlyGet.fixedSampleShape()).isNull();
            DataLoader direct = DataLoader.builder(set).batchSize(3).shuffle(5).build();
            DataLoader sampled = DataLoader.builder(onlyGet).batchSize(3).shuffle(5).build();
            List<float[]> want = all(sampled.epoch(1));
            List<float[]> got = all(direct.epoch(1));
            assertThat(got).hasSameSizeAs(want);
            for (int k = 0; k < got.size(); k++) {
                assertThat(got.get(k)).containsExactly(want.get(k));
            }
        }
    }
}
