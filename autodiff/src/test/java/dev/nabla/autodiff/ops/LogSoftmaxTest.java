package dev.nabla.autodiff.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.autodiff.GradCheck;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code logSoftmax} as one op: shapes with nothing in them, gradients, and a bad axis. */
class LogSoftmaxTest {

    @Test
    void keepsEmptyShapesAndGivesThemEmptyGradients() {
        for (Shape shape : List.of(Shape.of(3, 0), Shape.of(0, 4))) {
            Tensor x = Tensor.zeros(shape, DType.F32, Device.REFERENCE).requiresGrad(true);
            Tensor y = x.logSoftmax(1);
            assertThat(y.shape()).isEqualTo(shape);
            y.sum().backward();
            assertThat(x.grad().shape()).isEqualTo(shape);
        }
    }

    @Test
    void passesGradCheckAlongEveryAxis() {
        Tensor x = Tensor.randn(new Rng(3), Shape.of(2, 3, 4), DType.F64, Device.REFERENCE).requiresGrad(true);
        Tensor w = Tensor.randn(new Rng(4), Shape.of(2, 3, 4), DType.F64, Device.REFERENCE);
        for (int axis = -3; axis < 3; axis++) {
            int a = axis;
            GradCheck.verify(in -> in.get(0).logSoftmax(a).mul(w).sum(), List.of(x));
        }
    }

    @Test
    void namesAnAxisOutOfRange() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).logSoftmax(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("logSoftmax: axis 2 is out of range for a tensor of rank 2; valid axes are -2..1");
    }
}
