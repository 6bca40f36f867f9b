package dev.nabla.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BackwardEngineTest {
    @Test
    void fanOutAccumulatesGradients() {
        Tensor x = Tensor.of(2, 3).requiresGrad(true);
        Tensor y = x.mul(x).add(x).sum();   // d/dx (x^2 + x) = 2x + 1
        y.backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(5, 7);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilCleared() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        x.mul(3.0).sum().backward();
        x.mul(3.0).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(6, 6);
        x.zeroGrad();
        assertThat(x.grad()).isNull();
    }

    @Test
    void leafGradientsNeverAliasEachOther() {
        Tensor a = Tensor.of(1, 2).requiresGrad(true);
        Tensor b = Tensor.of(3, 4).requiresGrad(true);
        a.add(b).sum().backward();
        try (GradMode.Scope s = GradMode.disable()) {
            a.grad().copyFrom(Tensor.of(9, 9));
        }
        assertThat(b.grad().toDoubleArray()).containsExactly(1, 1);
    }

    @Test
    void retainGraphAllowsASecondBackward() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor y = x.exp().sum();
        y.backward(y.onesLike(), true);
        y.backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(new double[] {2 * Math.exp(1), 2 * Math.exp(2)}, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void broadcastGradientsAreSummedBackToTheInputShape() {
        Tensor bias = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor x = Tensor.ones(4, 3);
        x.add(bias).sum().backward();
        assertThat(bias.grad().shape()).isEqualTo(Shape.of(3));
        assertThat(bias.grad().toDoubleArray()).containsExactly(4, 4, 4);
        Tensor column = Tensor.ones(4, 1).requiresGrad(true);
        column.mul(Tensor.ones(4, 5)).sum().backward();
        assertThat(column.grad().toDoubleArray()).containsExactly(5, 5, 5, 5);
    }

    @Test
    void deepGraphsDoNotOverflowTheStack() {
        Tensor x = Tensor.scalar(1.0).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 50_000; i++) {
            y = y.add(1.0);
        }
        y.backward();
        assertThat(x.grad().item()).isEqualTo(1.0);
    }

    @Test
    void detachAndGradModeStopRecording() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        assertThat(x.mul(2.0).detach().requiresGrad()).isFalse();
        try (GradMode.Scope s = GradMode.disable()) {
            Tensor y = x.mul(2.0);
            assertThat(y.requiresGrad()).isFalse();
            assertThat(y.isLeaf()).isTrue();
        }
        assertThat(x.mul(2.0).requiresGrad()).isTrue();
        assertThat(x.mul(2.0).creatorName()).isEqualTo("Mul");
    }

    @Test
    void gradModeScopesNestAndRestore() {
        assertThat(GradMode.isEnabled()).isTrue();
        try (GradMode.Scope outer = GradMode.disable()) {
            try (GradMode.Scope inner = GradMode.enable()) {
                assertThat(GradMode.isEnabled()).isTrue();
            }
            assertThat(GradMode.isEnabled()).isFalse();
        }
        assertThat(GradMode.isEnabled()).isTrue();
    }

    @Test
    void gradModeIsPerThread() throws InterruptedException {
        AtomicBoolean otherThreadSaw = new AtomicBoolean();
        try (GradMode.Scope s = GradMode.disable()) {
            Thread t = new Thread(() -> otherThreadSaw.set(GradMode.isEnabled()));
            t.start();
            t.join();
        }
        assertThat(otherThreadSaw).isTrue();
    }

    @Test
    void gradientsFlowAcrossDevicesAndDtypes() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor y = x.to(SecondHostProvider.DEVICE).to(DType.F64).mul(3.0).sum();
        assertThat(y.device()).isEqualTo(SecondHostProvider.DEVICE);
        y.backward();
        assertThat(x.grad().device()).isEqualTo(Device.REFERENCE);
        assertThat(x.grad().dtype()).isEqualTo(DType.F32);
        assertThat(x.grad().toDoubleArray()).containsExactly(3, 3);
    }

    @Test
    void explicitGradientMustMatch() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor y = x.mul(2.0);
        assertThatThrownBy(() -> y.backward(Tensor.ones(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradient [3] F32");
        y.backward(Tensor.of(1, 10));
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 20);
    }

    @Test
    void customOpsPlugIntoTheEngine() {
        // A user-defined op: y = x^3 with a hand-written derivative 3x^2.
        record Cube(Tensor x) implements Op {
            static Tensor apply(Tensor x) {
                Tensor out;
                try (GradMode.Scope s = GradMode.disable()) {
                    out = x.mul(x).mul(x);
                }
                return Graph.record(out, new Cube(x), x);
            }

            @Override
            public Tensor[] backward(Tensor grad) {
                return new Tensor[] {grad.mul(x.mul(x).mul(3.0))};
            }
        }
        Tensor x = Tensor.fromArray(new double[] {0.5, -1.5}, 2).requiresGrad(true);
        Cube.apply(x).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0.75, 6.75);
        assertThat(GradCheck.check(in -> Cube.apply(in.get(0)), List.of(x)).passed()).isTrue();
    }

    /**
     * A leaf keeps a fresh gradient without copying it, but never one that another leaf or the
     * caller also holds: changing one leaf's gradient in place changes nothing else.
     */
    @Test
    void leavesNeverShareAGradientsStorageWithEachOtherOrTheCaller() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor y = Tensor.of(3, 4).requiresGrad(true);
        Tensor seed = Tensor.of(5, 6);
        x.add(y).backward(seed);
        assertThat(x.grad().storage().buffer).isNotSameAs(y.grad().storage().buffer);
        assertThat(x.grad().storage().buffer).isNotSameAs(seed.storage().buffer);
        assertThat(y.grad().storage().buffer).isNotSameAs(seed.storage().buffer);
        x.grad().copyFrom(Tensor.of(0, 0));
        assertThat(y.grad().toDoubleArray()).containsExactly(5, 6);
        assertThat(seed.toDoubleArray()).containsExactly(5, 6);

        Tensor leaf = Tensor.of(7, 8).requiresGrad(true);
        Tensor given = Tensor.of(1, 1);
        leaf.backward(given);
        assertThat(leaf.grad().storage().buffer).isNotSameAs(given.storage().buffer);
    }

    @Test
    void aFreshGradientIsKeptRatherThanCopied() {
        Tensor[] made = new Tensor[1];
        Op op = grad -> {
            made[0] = grad.mul(2.0);
            return new Tensor[] {made[0]};
        };
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Graph.record(Tensor.of(0, 0), op, x).backward(Tensor.of(1, 1));
        assertThat(x.grad().storage().buffer).isSameAs(made[0].storage().buffer);
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 2);

        Tensor w = Tensor.of(1, 2).requiresGrad(true);
        w.mul(Tensor.of(3, 4)).sum().backward();
        Tensor first = w.grad();
        assertThat(first.toDoubleArray()).containsExactly(3, 4);
        assertThat(first.isContiguous()).isTrue();
        // Accumulating adds into a new tensor; the one read before is unchanged.
        w.mul(Tensor.of(1, 1)).sum().backward();
        assertThat(w.grad().toDoubleArray()).containsExactly(4, 5);
        assertThat(first.toDoubleArray()).containsExactly(3, 4);
    }
}
