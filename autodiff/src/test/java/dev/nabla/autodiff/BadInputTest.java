package dev.nabla.autodiff;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of misuse gets the exception type ARCHITECTURE.md names and a message with the values. */
class BadInputTest {
    private final Tensor a = Tensor.zeros(2, 3);

    @Test
    void shapeMismatchNamesOpAndShapes() {
        assertThatThrownBy(() -> a.add(Tensor.zeros(4, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("add: shapes [2, 3] and [4, 3] do not broadcast: size 2 vs 4 at aligned axis -2;"
                        + " sizes must match or be 1");
        assertThatThrownBy(() -> Tensor.where(Tensor.zeros(5), a, a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("where: shapes [5] and [2, 3] do not broadcast");
    }

    @Test
    void matmulInnerSizesMustAgree() {
        assertThatThrownBy(() -> Tensor.zeros(8, 18).matmul(Tensor.zeros(512, 1024)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matmul: a[8, 18] @ b[512, 1024]: a.shape[-1]=18 must equal b.shape[-2]=512");
        assertThatThrownBy(() -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(5, 4, 2)))
                .hasMessageContaining("matmul (batch axes of a[2, 3, 4] and b[5, 4, 2])");
        assertThatThrownBy(() -> Tensor.scalar(1).matmul(a)).hasMessageContaining("at least one axis");
    }

    @Test
    void dtypesMustMatch() {
        Tensor d = Tensor.zeros(Shape.of(2, 3), DType.F64, a.device());
        assertThatThrownBy(() -> a.mul(d))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mul: operands have different dtypes, F32 [2, 3] and F64 [2, 3]; convert one with"
                        + " .to(DType.F32)");
    }

    @Test
    void devicesMustMatch() {
        Tensor elsewhere = Tensor.zeros(Shape.of(2, 3), DType.F32, SecondHostProvider.DEVICE);
        Tensor here = Tensor.zeros(Shape.of(2, 3), DType.F32, Device.REFERENCE);
        assertThatThrownBy(() -> here.add(elsewhere))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add: operands are on different devices, reference and host2")
                .hasMessageContaining(".to(");
        assertThatThrownBy(() -> here.matmul(elsewhere.mT())).hasMessageContaining("matmul: operands are on different");
        assertThatThrownBy(() -> Tensor.cat(List.of(here, elsewhere), 0)).hasMessageContaining("cat: operands");
    }

    @Test
    void axesMustBeInRange() {
        assertThatThrownBy(() -> a.sum(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum: axis 2 is out of range for a tensor of rank 2; valid axes are -2..1");
        assertThatThrownBy(() -> a.softmax(-3)).hasMessageContaining("axis -3 is out of range");
        assertThatThrownBy(() -> a.sum(new int[] {0, -2}, false)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> a.transpose(0, 5)).hasMessageContaining("transpose: axis 5");
        assertThatThrownBy(() -> a.unsqueeze(4)).hasMessageContaining("unsqueeze: axis 4");
    }

    @Test
    void indicesMustBeInRange() {
        Tensor x = Tensor.arange(6).reshape(2, 3);
        assertThatThrownBy(() -> x.indexSelect(1, Tensor.of(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indexSelect: index value 3.0 at flat position 1 is not an integer in [0, 3) for axis 1"
                        + " of shape [2, 3]");
        assertThatThrownBy(() -> x.gather(0, Tensor.of(new double[][] {{0, 1.5, 0}})))
                .hasMessageContaining("index value 1.5");
        assertThatThrownBy(() -> x.gather(1, Tensor.zeros(3, 3))).hasMessageContaining("does not fit input [2, 3]");
        assertThatThrownBy(() -> x.narrow(1, 2, 2)).hasMessageContaining("narrow: start 2 length 2 is out of range");
    }

    @Test
    void reshapeSizesMustAgree() {
        assertThatThrownBy(() -> a.reshape(4, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reshape: cannot reshape [2, 3] (6 elements) to [4, 2] (8 elements)");
        assertThatThrownBy(() -> a.reshape(-1, -1)).hasMessageContaining("only one size may be -1");
        assertThatThrownBy(() -> a.mT().view(6)).hasMessageContaining("cannot be viewed as [6] without a copy");
        assertThatThrownBy(() -> a.expand(4, 3)).hasMessageContaining("only size-1 axes can grow");
    }

    @Test
    void backwardOnNonScalarNeedsAGradient() {
        Tensor w = Tensor.ones(2, 3).requiresGrad(true);
        assertThatThrownBy(() -> w.mul(2.0).backward())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backward: called without a gradient on a tensor of shape [2, 3]")
                .hasMessageContaining("loss.sum()");
    }

    @Test
    void backwardWithoutGradIsAnError() {
        assertThatThrownBy(() -> a.sum().backward())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not require grad");
    }

    @Test
    void backwardTwiceThroughAFreedGraph() {
        Tensor w = Tensor.ones(3).requiresGrad(true);
        Tensor loss = w.exp().sum();
        loss.backward();
        assertThatThrownBy(loss::backward)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was already freed")
                .hasMessageContaining("retainGraph=true");
    }

    @Test
    void inPlaceWriteToSavedTensorIsDetected() {
        Tensor w = Tensor.of(1, 2).requiresGrad(true);
        Tensor h = w.mul(3.0);
        Tensor loss = h.exp().sum();
        try (GradMode.Scope s = GradMode.disable()) {
            h.copyFrom(Tensor.of(0, 0));
        }
        assertThatThrownBy(loss::backward)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("of exp was modified in place");
    }

    @Test
    void inPlaceWriteToParameterNeedsNoGradMode() {
        Tensor w = Tensor.of(1, 2).requiresGrad(true);
        assertThatThrownBy(() -> w.copyFrom(Tensor.of(3, 4)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GradMode.disable()");
    }

    @Test
    void nonLeafRequiresGradCannotBeChanged() {
        Tensor w = Tensor.of(1, 2).requiresGrad(true);
        assertThatThrownBy(() -> w.add(1.0).requiresGrad(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only leaf tensors");
    }

    @Test
    void itemNeedsOneElement() {
        assertThatThrownBy(a::item).hasMessageContaining("item: tensor of shape [2, 3] has 6 elements");
    }

    @Test
    void creationArgumentsAreChecked() {
        assertThatThrownBy(() -> Tensor.fromArray(new float[5], 2, 3))
                .hasMessage("fromArray: 5 values cannot fill shape [2, 3], which holds 6");
        assertThatThrownBy(() -> Tensor.arange(0, 5, 0)).hasMessageContaining("non-zero step");
        assertThatThrownBy(() -> Tensor.of(new double[][] {{1, 2}, {3}})).hasMessageContaining("row 1 has 1 values");
        assertThatThrownBy(() -> a.clamp(2, 1)).hasMessageContaining("need min <= max");
    }
}
