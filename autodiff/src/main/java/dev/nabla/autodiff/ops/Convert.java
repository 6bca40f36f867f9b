package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.spi.Backend;

/** A contiguous copy, possibly to another dtype and/or backend; the gradient converts back. */
public record Convert(DType fromDType, Backend fromBackend) implements Op {
    public static Tensor apply(Tensor x, DType dtype, Backend backend) {
        Tensor out = Kernels.empty(x.shape(), dtype, backend);
        if (backend == x.backend()) {
            backend.copy(x.strided(), out.strided());
        } else if (dtype == DType.F64) {
            backend.write(out.strided().buffer(), x.toDoubleArray());
        } else {
            backend.write(out.strided().buffer(), x.toFloatArray());
        }
        return Graph.record(out, new Convert(x.dtype(), x.backend()), x);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad.dtype() == fromDType && grad.backend() == fromBackend
                ? grad : apply(grad, fromDType, fromBackend)};
    }

    @Override
    public String name() {
        return "copy";
    }
}
