package dev.nabla.simd.gemm;

import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/** Halves a range of tasks until one is left, so that idle workers steal the other halves. */
final class SplitTasks extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final int from;
    private final int to;
    private final transient IntConsumer body;

    SplitTasks(int from, int to, IntConsumer body) {
        this.from = from;
        this.to = to;
        this.body = body;
    }

    @Override
    protected void compute() {
        if (to - from == 1) {
            body.accept(from);
            return;
        }
        int mid = (from + to) >>> 1;
        invokeAll(new SplitTasks(from, mid, body), new SplitTasks(mid, to, body));
    }
}
