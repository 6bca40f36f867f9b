package dev.nabla.autodiff;

/**
 * A recorded op with its inputs and the storage versions they had when it ran. Released after
 * a backward pass unless the graph is retained.
 */
final class Node {
    private Op op;
    private String releasedName;
    final Tensor[] inputs;
    /** The backward pass that last visited this node (see {@link Graph}). */
    int visit;
    /** The gradient flowing into this node's output during the current backward pass. */
    Tensor pendingGrad;
    private final int[] inputVersions;
    private final Storage output;
    private final int outputVersion;

    Node(Op op, Tensor[] inputs, Tensor output) {
        this.op = op;
        this.inputs = inputs;
        this.inputVersions = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            inputVersions[i] = inputs[i].storage().version();
        }
        this.output = output.storage();
        this.outputVersion = output.storage().version();
    }

    String name() {
        return op != null ? op.name() : releasedName;
    }

    /** Runs the op's backward, after checking the graph is intact and its tensors unchanged. */
    Tensor[] backward(Tensor grad) {
        if (op == null) {
            throw new IllegalStateException("backward: the graph through " + releasedName + " was already freed by an"
                    + " earlier backward(); pass retainGraph=true to the first backward to run it twice");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].storage().version() != inputVersions[i]) {
                throw modified("input " + i, inputs[i].storage().version(), inputVersions[i]);
            }
        }
        if (output.version() != outputVersion) {
            throw modified("output", output.version(), outputVersion);
        }
        return op.backward(grad);
    }

    private IllegalStateException modified(String which, int now, int then) {
        return new IllegalStateException("backward: the " + which + " of " + name() + " was modified in place"
                + " (version " + then + " -> " + now + ") after it was saved for the gradient; make a copy"
                + " with clone() before modifying it");
    }

    void release() {
        releasedName = op.name();
        op = null;
    }
}
