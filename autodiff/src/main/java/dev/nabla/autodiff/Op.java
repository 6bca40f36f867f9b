package dev.nabla.autodiff;

/**
 * A differentiable operation as recorded in the graph: it knows its inputs' gradients given its
 * output's gradient. Implementations keep what backward needs (inputs, output, options) as
 * fields, and define their forward as a static {@code apply} method right beside
 * {@link #backward}, so the two read together.
 *
 * <p>To add an op: compute the output with existing tensors or backend primitives, then return
 * {@code Graph.record(output, new MyOp(...), inputs)}.
 */
public interface Op {

    /**
     * The gradient of the loss with respect to each input, in the order the inputs were recorded;
     * {@code null} for an input that gets none. A returned gradient may have the input's shape or
     * a shape it broadcasts to: the engine sums broadcast axes away. A returned tensor may become
     * a leaf's gradient as it is, without a copy (unless another leaf or the caller of backward
     * already holds its storage), so return {@code grad} itself, views of it, or tensors computed
     * here, never one that something else keeps and may change.
     *
     * @param grad the gradient with respect to this op's output, of the output's shape
     */
    Tensor[] backward(Tensor grad);

    /** The op's name in error messages and graph printouts; by default its class's simple name. */
    default String name() {
        return OpNames.of(getClass());
    }
}
