package dev.nabla.autodiff;

import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records ops into the graph and runs the backward pass: an iterative topological sort (no
 * recursion, so deep graphs cannot overflow the stack), gradient accumulation for tensors used
 * more than once, and un-broadcasting of gradients in one place.
 */
public final class Graph {
    /** Numbers the backward passes, for marking visited nodes. */
    private static final AtomicInteger PASSES = new AtomicInteger();

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
        root.node().pendingGrad = seed;
        Set<Buffer> claimed = claimedBy(seed);
        try (GradMode.Scope s = GradMode.disable()) {
            for (int n = order.size() - 1; n >= 0; n--) {
                Node node = order.get(n);
                Tensor g = node.pendingGrad;
                node.pendingGrad = null;
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
                    Node creator = input.node();
                    if (creator == null) {
                        input.accumulateGrad(gi, claimed);
                    } else {
                        creator.pendingGrad = creator.pendingGrad == null ? gi : creator.pendingGrad.add(gi);
                    }
                }
            }
        } finally {
            for (Node node : order) {
                node.pendingGrad = null;
            }
        }
    }

    /**
     * The buffers a backward pass may not hand to a leaf as its gradient without a copy: at the
     * start, that of the caller's {@code seed}, which the caller still holds.
     */
    static Set<Buffer> claimedBy(Tensor seed) {
        Set<Buffer> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        claimed.add(seed.storage().buffer);
        return claimed;
    }

    /**
     * Nodes reachable from {@code root}, each after all nodes it feeds (post-order DFS with an
     * explicit stack). Each pass marks the nodes it reaches with a fresh number instead of
     * keeping a visited set.
     */
    private static List<Node> topologicalOrder(Node root) {
        int pass = PASSES.incrementAndGet();
        List<Node> order = new ArrayList<>();
        Node[] stack = new Node[16];
        int[] nextInput = new int[16];
        int top = 0;
        stack[0] = root;
        root.visit = pass;
        while (top >= 0) {
            Node node = stack[top];
            int i = nextInput[top];
            if (i < node.inputs.length) {
                nextInput[top] = i + 1;
                Node child = node.inputs[i].node();
                if (child != null && child.visit != pass) {
                    child.visit = pass;
                    if (++top == stack.length) {
                        stack = Arrays.copyOf(stack, 2 * top);
                        nextInput = Arrays.copyOf(nextInput, 2 * top);
                    }
                    stack[top] = child;
                    nextInput[top] = 0;
                }
            } else {
                order.add(node);
                nextInput[top] = 0;
                stack[top--] = null;
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
