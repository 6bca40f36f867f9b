package dev.nabla.autodiff.ops;

import dev.nabla.autodiff.Graph;
import dev.nabla.autodiff.Op;
import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.spi.BinaryOp;

/** {@code a + b}, broadcasting. */
public record Add() implements Op {
    public static Tensor apply(Tensor a, Tensor b) {
        return Graph.record(Kernels.binary("add", BinaryOp.ADD, a, b), new Add(), a, b);
    }

    @Override
    public Tensor[] backward(Tensor grad) {
        return new Tensor[] {grad, grad};
    }
}
