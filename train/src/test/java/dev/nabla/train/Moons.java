package dev.nabla.train;

import dev.nabla.data.ArrayDataset;
import dev.nabla.data.DataLoader;
import dev.nabla.data.TwoMoons;
import dev.nabla.nn.Activation;
import dev.nabla.nn.Dropout;
import dev.nabla.nn.Linear;
import dev.nabla.nn.Sequential;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.random.Rng;

/** Two-moons data, loaders and a small classifier for the trainer's tests. */
final class Moons {
    private Moons() {
    }

    /** {@code n} points with noise 0.15 drawn from {@code seed}, F32 on the reference device. */
    static ArrayDataset data(int n, long seed) {
        TwoMoons moons = TwoMoons.generate(n, 0.15, new Rng(seed), DType.F32, Device.REFERENCE);
        return ArrayDataset.of(moons.features(), moons.labels());
    }

    /** Batches of 32, shuffled from {@code seed}. */
    static DataLoader shuffled(ArrayDataset data, long seed) {
        return DataLoader.builder(data).batchSize(32).shuffle(seed).device(Device.REFERENCE).build();
    }

    /** Batches of 64 in order. */
    static DataLoader inOrder(ArrayDataset data) {
        return DataLoader.builder(data).batchSize(64).device(Device.REFERENCE).build();
    }

    /** 2-32-32-2 with ReLU and dropout (drawing from the global generator), weights from {@code seed}. */
    static Sequential model(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Linear(2, 32, true, rng, DType.F32, Device.REFERENCE), Activation.relu(),
                new Dropout(0.1), new Linear(32, 32, true, rng, DType.F32, Device.REFERENCE), Activation.relu(),
                new Linear(32, 2, true, rng, DType.F32, Device.REFERENCE));
    }
}
