package dev.nabla.autodiff;

import dev.nabla.tensor.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records ops into the graph and runs the backward pass: an iterative topological sort (no
 * recursion, so deep graphs cannot overflow the stack), gradient accumulation for tensors used
 * more than once, and un-broadcasting of gradients in one place.
 */
public final class Graph {
    private Graph() {
    }

    /**
     * Attaches {@code op} as the creator of {@code out} if grad mode is on and any input requires a
     * gradient; returns {@code out} either way.
     */
    public static Tensor record(Tensor out, Op op, Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return out;
        }
        for (Tensor in : inputs) {
            if (in.requiresGrad()) {
                out.attach(new Node(op, inputs.clone(), out));
                return out;
            }
        }
        return out;
    }

    /** Backpropagates {@code seed} (the gradient of some scalar with respect to {@code root}). */
    static void backward(Tensor root, Tensor seed, boolean retainGraph) {
        List<Node> order = topologicalOrder(root.node());
        Map<Node, Tensor> grads = new IdentityHashMap<>();
        grads.put(root.node(), seed);
        try (GradMode.Scope s = GradMode.disable()) {
            for (int n = order.size() - 1; n >= 0; n--) {
                Node node = order.get(n);
                Tensor g = grads.remove(node);
                if (g == null) {
                    continue;
                }
                Tensor[] inputGrads = node.backward(g);
                if (!retainGraph) {
                    node.release();
                }
                for (int i = 0; i < node.inputs.length; i++) {
                    Tensor input = node.inputs[i];
                    if (inputGrads[i] == null || !input.requiresGrad()) {
                        continue;
                    }
                    Tensor gi = sumToShape(inputGrads[i], input.shape(), node.name());
                    if (input.node() == null) {
                        input.accumulateGrad(gi);
                    } else {
                        grads.merge(input.node(), gi, Tensor::add);
                    }
                }
            }
        }
    }

    /** Nodes reachable from {@code root}, each after all nodes it feeds (post-order DFS). */
    private static List<Node> topologicalOrder(Node root) {
        List<Node> order = new ArrayList<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        Deque<Node> stack = new ArrayDeque<>();
        Deque<Integer> nextInput = new ArrayDeque<>();
        stack.push(root);
        nextInput.push(0);
        seen.put(root, true);
        while (!stack.isEmpty()) {
            Node node = stack.peek();
            int i = nextInput.pop();
            if (i < node.inputs.length) {
                nextInput.push(i + 1);
                Node child = node.inputs[i].node();
                if (child != null && seen.put(child, true) == null) {
                    stack.push(child);
                    nextInput.push(0);
                }
            } else {
                stack.pop();
                order.add(node);
            }
        }
        return order;
    }

    /**
     * Sums a gradient over the axes along which its input was broadcast, so that it has the
     * input's shape.
     */
    static Tensor sumToShape(Tensor grad, Shape target, String opName) {
        Shape from = grad.shape();
        if (from.equals(target)) {
            return grad;
        }
        int lead = from.rank() - target.rank();
        boolean compatible = lead >= 0;
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; compatible && i < from.rank(); i++) {
            if (i < lead) {
                axes.add(i);
            } else if (target.dim(i - lead) == 1 && from.dim(i) != 1) {
                axes.add(i);
            } else if (target.dim(i - lead) != from.dim(i)) {
                compatible = false;
            }
        }
        if (!compatible) {
            throw new IllegalStateException("backward: " + opName + " returned a gradient of shape " + from
                    + " for an input of shape " + target + "; an op's backward must return input-shaped gradients");
        }
        int[] ax = axes.stream().mapToInt(Integer::intValue).toArray();
        return grad.sum(ax, true).reshape(target);
    }
}
