package dev.nabla.autodiff;

import dev.nabla.autodiff.functional.Creation;
import dev.nabla.autodiff.functional.Elementwise;
import dev.nabla.autodiff.functional.Indexing;
import dev.nabla.autodiff.functional.LinearAlgebra;
import dev.nabla.autodiff.functional.Reductions;
import dev.nabla.autodiff.functional.Shaping;
import dev.nabla.autodiff.ops.Add;
import dev.nabla.autodiff.ops.Convert;
import dev.nabla.autodiff.ops.Div;
import dev.nabla.autodiff.ops.Kernels;
import dev.nabla.autodiff.ops.Maximum;
import dev.nabla.autodiff.ops.Mul;
import dev.nabla.autodiff.ops.Pow;
import dev.nabla.autodiff.ops.Unary;
import dev.nabla.autodiff.ops.Where;
import dev.nabla.tensor.Buffer;
import dev.nabla.tensor.DType;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.Strided;
import dev.nabla.tensor.View;
import dev.nabla.tensor.format.TensorFormatter;
import dev.nabla.tensor.random.Rng;
import dev.nabla.tensor.spi.ArgReduceOp;
import dev.nabla.tensor.spi.Backend;
import dev.nabla.tensor.spi.Backends;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An n-dimensional array on a device that can record the operations applied to it and compute
 * gradients by reverse-mode differentiation.
 *
 * <p>Operations never modify their operands: each returns a new tensor (movement operations such
 * as {@link #reshape}, {@link #permute}, {@link #slice} return views sharing storage). Elementwise
 * operations broadcast their operands by NumPy rules. Axis arguments may be negative. All
 * operands of one operation must share a device and a dtype; a Java {@code double} operand takes
 * the tensor's dtype.
 *
 * <pre>{@code
 * Tensor w = Tensor.randn(3, 2).requiresGrad(true);
 * Tensor loss = x.matmul(w).relu().sum();
 * loss.backward();            // w.grad() now holds d loss / d w, shape [3, 2]
 * }</pre>
 */
public final class Tensor {
    private final Backend backend;
    private final Storage storage;
    private final View view;
    private boolean requiresGrad;
    private Tensor grad;
    private Node node;

    private Tensor(Backend backend, Storage storage, View view) {
        this.backend = backend;
        this.storage = storage;
        this.view = view;
    }

    // ---- low-level construction, for ops and backends ----

    /** A tensor over {@code buffer} (allocated by {@code backend}) seen through {@code view}; no graph. */
    public static Tensor wrap(Backend backend, Buffer buffer, View view) {
        return new Tensor(backend, new Storage(buffer), view);
    }

    /** A tensor sharing this one's storage through another view; no graph, no gradient. */
    public Tensor alias(View other) {
        return new Tensor(backend, storage, other);
    }

    /** The buffer and view, for passing to {@link Backend} primitives. */
    public Strided strided() {
        return new Strided(storage.buffer, view);
    }

    /** The backend that owns this tensor's memory. */
    public Backend backend() {
        return backend;
    }

    /**
     * The number of in-place writes ({@link #copyFrom}, the steps of {@link FusedSteps}) made to
     * this tensor's storage, through it or any view of it: PyTorch's {@code _version}. A value
     * derived from this tensor is still valid while its version is unchanged.
     */
    public int version() {
        return storage.version();
    }

    Storage storage() {
        return storage;
    }

    Node node() {
        return node;
    }

    void attach(Node creator) {
        this.node = creator;
        this.requiresGrad = true;
    }

    // ---- creation (defaults: F32 on the default device; see Backends.defaultDevice()) ----

    /** Zeros of the given shape. */
    public static Tensor zeros(int... dims) {
        return Creation.full(0, Shape.of(dims), DType.F32, Backends.defaultDevice());
    }

    public static Tensor zeros(Shape shape, DType dtype, Device device) {
        return Creation.full(0, shape, dtype, device);
    }

    /** Ones of the given shape. */
    public static Tensor ones(int... dims) {
        return Creation.full(1, Shape.of(dims), DType.F32, Backends.defaultDevice());
    }

    public static Tensor ones(Shape shape, DType dtype, Device device) {
        return Creation.full(1, shape, dtype, device);
    }

    /** {@code value} everywhere. */
    public static Tensor full(double value, int... dims) {
        return Creation.full(value, Shape.of(dims), DType.F32, Backends.defaultDevice());
    }

    public static Tensor full(double value, Shape shape, DType dtype, Device device) {
        return Creation.full(value, shape, dtype, device);
    }

    /** A rank-0 tensor holding {@code value}. */
    public static Tensor scalar(double value) {
        return Creation.full(value, Shape.scalar(), DType.F32, Backends.defaultDevice());
    }

    public static Tensor scalar(double value, DType dtype, Device device) {
        return Creation.full(value, Shape.scalar(), dtype, device);
    }

    /** {@code 0, 1, ..., end-1} (F32). */
    public static Tensor arange(double end) {
        return Creation.arange(0, end, 1, DType.F32, Backends.defaultDevice());
    }

    /** {@code start, start+step, ...} below {@code end} (above it for a negative step). */
    public static Tensor arange(double start, double end, double step) {
        return Creation.arange(start, end, step, DType.F32, Backends.defaultDevice());
    }

    public static Tensor arange(double start, double end, double step, DType dtype, Device device) {
        return Creation.arange(start, end, step, dtype, device);
    }

    /** The {@code [n, n]} identity matrix. */
    public static Tensor eye(int n) {
        return Creation.eye(n, DType.F32, Backends.defaultDevice());
    }

    public static Tensor eye(int n, DType dtype, Device device) {
        return Creation.eye(n, dtype, device);
    }

    /** Uniform in [0, 1) from the global generator ({@link Rng#global()}). */
    public static Tensor rand(int... dims) {
        return Creation.rand(Rng.global(), Shape.of(dims), DType.F32, Backends.defaultDevice());
    }

    public static Tensor rand(Rng rng, Shape shape, DType dtype, Device device) {
        return Creation.rand(rng, shape, dtype, device);
    }

    /** Standard normal from the global generator. */
    public static Tensor randn(int... dims) {
        return Creation.randn(Rng.global(), Shape.of(dims), DType.F32, Backends.defaultDevice());
    }

    public static Tensor randn(Rng rng, Shape shape, DType dtype, Device device) {
        return Creation.randn(rng, shape, dtype, device);
    }

    /** 1 with probability {@code p}, else 0. */
    public static Tensor bernoulli(Rng rng, double p, Shape shape, DType dtype, Device device) {
        return Creation.bernoulli(rng, p, shape, dtype, device);
    }

    /** A random permutation of {@code 0..n-1} (F32 holds up to 2^24 exactly). */
    public static Tensor randperm(Rng rng, int n, DType dtype, Device device) {
        return Creation.randperm(rng, n, dtype, device);
    }

    /** A 1-D F32 tensor of the values. */
    public static Tensor of(double... values) {
        return Creation.fromDoubles(values, Shape.of(values.length), DType.F32, Backends.defaultDevice());
    }

    /** A 2-D F32 tensor of the rows, which must have equal lengths. */
    public static Tensor of(double[][] rows) {
        return Creation.fromRows(rows, DType.F32, Backends.defaultDevice());
    }

    /** An F32 tensor of {@code data} (row-major, copied) with shape {@code dims}. */
    public static Tensor fromArray(float[] data, int... dims) {
        return Creation.fromFloats(data, Shape.of(dims), Backends.defaultDevice());
    }

    /** An F32 tensor of {@code data} (row-major, copied) on {@code device}. */
    public static Tensor fromArray(float[] data, Shape shape, Device device) {
        return Creation.fromFloats(data, shape, device);
    }

    /** An F64 tensor of {@code data} (row-major, copied) with shape {@code dims}. */
    public static Tensor fromArray(double[] data, int... dims) {
        return Creation.fromDoubles(data, Shape.of(dims), DType.F64, Backends.defaultDevice());
    }

    /** A tensor of {@code data} (row-major, copied, converted to {@code dtype}). */
    public static Tensor fromArray(double[] data, Shape shape, DType dtype, Device device) {
        return Creation.fromDoubles(data, shape, dtype, device);
    }

    /** Zeros with this tensor's shape, dtype and device. */
    public Tensor zerosLike() {
        return Creation.full(0, shape(), dtype(), device());
    }

    /** Ones with this tensor's shape, dtype and device. */
    public Tensor onesLike() {
        return Creation.full(1, shape(), dtype(), device());
    }

    // ---- properties ----

    public Shape shape() {
        return view.shape();
    }

    /** Size of {@code axis} (negative counts from the end). */
    public int dim(int axis) {
        return view.shape().dim(axis);
    }

    public int rank() {
        return view.rank();
    }

    public int numel() {
        return view.numel();
    }

    public DType dtype() {
        return storage.buffer.dtype();
    }

    public Device device() {
        return backend.device();
    }

    /** True when the elements are row-major without gaps in memory. */
    public boolean isContiguous() {
        return view.isContiguous();
    }

    // ---- autograd ----

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks this leaf as a parameter whose gradient {@link #backward()} should compute; returns it.
     *
     * @throws IllegalStateException on a tensor produced by a recorded op (only leaves can be set)
     */
    public Tensor requiresGrad(boolean value) {
        if (node != null) {
            throw new IllegalStateException("requiresGrad: only leaf tensors can be changed; this one was made by "
                    + node.name() + ". Use detach().requiresGrad(true) for a new leaf");
        }
        this.requiresGrad = value;
        return this;
    }

    /** True when no recorded op made this tensor (parameters, inputs, detached tensors). */
    public boolean isLeaf() {
        return node == null;
    }

    /** The accumulated gradient, of this tensor's shape, or {@code null} before any backward. */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the gradient; {@code null} clears it. */
    public void setGrad(Tensor value) {
        if (value != null && !value.shape().equals(shape())) {
            throw new IllegalArgumentException("setGrad: gradient shape " + value.shape() + " differs from tensor shape "
                    + shape());
        }
        this.grad = value;
    }

    /** Clears the gradient (to {@code null}, as PyTorch's {@code zero_grad(set_to_none=True)}). */
    public void zeroGrad() {
        this.grad = null;
    }

    /** The name of the op that made this tensor, or {@code null} for a leaf. */
    public String creatorName() {
        return node == null ? null : node.name();
    }

    /**
     * Adds {@code g} into this leaf's gradient. The first one becomes the gradient itself when it
     * is a tensor of its own (contiguous over the whole of its buffer) whose buffer nobody else
     * was given: {@code claimed} holds the buffers handed out so far, and the caller's own
     * gradient. Otherwise it is copied, so that no two leaves share a gradient's storage and an
     * in-place change of one (gradient clipping, say) reaches no other tensor.
     */
    void accumulateGrad(Tensor g, Set<Buffer> claimed) {
        try (GradMode.Scope s = GradMode.disable()) {
            if (grad != null) {
                grad = grad.add(g);
            } else if (g.isContiguous() && g.view.offset() == 0 && g.numel() == g.storage.buffer.size()
                    && claimed.add(g.storage.buffer)) {
                grad = g.detach();
            } else {
                grad = g.copy();
            }
        }
    }

    /**
     * Computes the gradient of this scalar with respect to every leaf that requires one,
     * accumulating into their {@link #grad()}. Frees the graph.
     *
     * @throws IllegalArgumentException if this tensor has more than one element
     * @throws IllegalStateException    if it does not require grad or its graph was freed
     */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalArgumentException("backward: called without a gradient on a tensor of shape " + shape()
                    + "; backward() needs a single-element tensor: reduce it first (e.g. loss.sum()) or pass"
                    + " backward(gradient) with a gradient of shape " + shape());
        }
        backward(onesLike(), false);
    }

    /** Backpropagates {@code gradient} (this tensor's shape); frees the graph. */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /**
     * Backpropagates {@code gradient}; with {@code retainGraph} the graph can be run again.
     *
     * @throws IllegalArgumentException if {@code gradient}'s shape, dtype or device differs
     */
    public void backward(Tensor gradient, boolean retainGraph) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this tensor does not require grad and no recorded op made it;"
                    + " call requiresGrad(true) on the parameters before computing with them, outside GradMode.disable()");
        }
        if (!gradient.shape().equals(shape()) || gradient.dtype() != dtype() || !gradient.device().equals(device())) {
            throw new IllegalArgumentException("backward: gradient " + gradient.shape() + " " + gradient.dtype() + " on "
                    + gradient.device() + " does not match tensor " + shape() + " " + dtype() + " on " + device());
        }
        if (node == null) {
            accumulateGrad(gradient, Graph.claimedBy(gradient));
            return;
        }
        Graph.backward(this, gradient, retainGraph);
    }

    /** The same data with no graph and no gradient requirement (shares storage). */
    public Tensor detach() {
        return new Tensor(backend, storage, view);
    }

    // ---- data in and out ----

    /** The value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + shape() + " has " + numel()
                    + " elements; item() needs exactly one");
        }
        return backend.readDoubles(strided())[0];
    }

    /** The elements in row-major order, as doubles. */
    public double[] toDoubleArray() {
        return backend.readDoubles(strided());
    }

    /** The elements in row-major order, rounded to float. */
    public float[] toFloatArray() {
        return backend.readFloats(strided());
    }

    /** This tensor on {@code target} (itself if already there); differentiable. */
    public Tensor to(Device target) {
        return target.equals(device()) ? this : Convert.apply(this, dtype(), Backends.of(target));
    }

    /** This tensor converted to {@code target} dtype (itself if already that); differentiable. */
    public Tensor to(DType target) {
        return target == dtype() ? this : Convert.apply(this, target, backend);
    }

    /** A contiguous tensor with the same values (itself if already contiguous); differentiable. */
    public Tensor contiguous() {
        return isContiguous() ? this : copy();
    }

    /** A contiguous copy in new storage; differentiable. */
    public Tensor copy() {
        return Convert.apply(this, dtype(), backend);
    }

    /**
     * Overwrites this tensor's elements with {@code src} (broadcast to this shape, converted to
     * this dtype), in place and unrecorded. Meant for parameter updates inside
     * {@link GradMode#disable()}.
     *
     * @throws IllegalStateException if this is a leaf requiring grad while grad mode is on
     */
    public Tensor copyFrom(Tensor src) {
        if (requiresGrad && GradMode.isEnabled()) {
            throw new IllegalStateException("copyFrom: in-place write to a tensor that requires grad while grad mode is"
                    + " on; wrap the update in try (var s = GradMode.disable()) { ... }");
        }
        Kernels.requireSameDevice("copyFrom", this, src);
        Shape.broadcast("copyFrom", src.shape(), shape());
        backend.copy(src.strided().with(src.view.expand(shape())), strided());
        storage.bumpVersion();
        return this;
    }

    // ---- elementwise arithmetic ----

    public Tensor add(Tensor other) {
        return Add.apply(this, other);
    }

    /**
     * {@code this + alpha * other}, broadcasting, rounded once (a fused multiply-add with
     * {@code alpha} rounded to this dtype): PyTorch's {@code torch.add(input, other, alpha=alpha)},
     * one pass where {@code add(other.mul(alpha))} takes two.
     */
    public Tensor add(Tensor other, double alpha) {
        return Add.apply(this, other, alpha);
    }

    public Tensor add(double value) {
        return Add.apply(this, scalarLike(value));
    }

    /** {@code this - other}. */
    public Tensor sub(Tensor other) {
        return Elementwise.sub(this, other);
    }

    public Tensor sub(double value) {
        return Elementwise.sub(this, scalarLike(value));
    }

    public Tensor mul(Tensor other) {
        return Mul.apply(this, other);
    }

    public Tensor mul(double value) {
        return Mul.apply(this, scalarLike(value));
    }

    public Tensor div(Tensor other) {
        return Div.apply(this, other);
    }

    public Tensor div(double value) {
        return Div.apply(this, scalarLike(value));
    }

    /** {@code this} raised to {@code exponent}, elementwise. */
    public Tensor pow(Tensor exponent) {
        return Pow.apply(this, exponent);
    }

    public Tensor pow(double exponent) {
        return Pow.apply(this, scalarLike(exponent));
    }

    public Tensor neg() {
        return Unary.apply(UnaryOp.NEG, this);
    }

    public Tensor exp() {
        return Unary.apply(UnaryOp.EXP, this);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return Unary.apply(UnaryOp.LOG, this);
    }

    public Tensor sqrt() {
        return Unary.apply(UnaryOp.SQRT, this);
    }

    /** Absolute value; its gradient at 0 is 0. */
    public Tensor abs() {
        return Unary.apply(UnaryOp.ABS, this);
    }

    /** -1, 0 or 1; its gradient is 0. */
    public Tensor sign() {
        return Unary.apply(UnaryOp.SIGN, this);
    }

    public Tensor tanh() {
        return Unary.apply(UnaryOp.TANH, this);
    }

    /** {@code 1 / (1 + exp(-x))}. */
    public Tensor sigmoid() {
        return Unary.apply(UnaryOp.SIGMOID, this);
    }

    /** The error function; its gradient is {@code 2/sqrt(pi) exp(-x^2)}. */
    public Tensor erf() {
        return Unary.apply(UnaryOp.ERF, this);
    }

    /** {@code x < 0 ? 0 : x}: NaN stays NaN (its gradient 1) and -0.0 stays -0.0, as in PyTorch; the gradient at 0 is 0. */
    public Tensor relu() {
        return Unary.apply(UnaryOp.RELU, this);
    }

    /** Values limited to [min, max]; the gradient passes where {@code min <= x <= max}. */
    public Tensor clamp(double min, double max) {
        return Elementwise.clamp(this, min, max);
    }

    public Tensor clampMin(double min) {
        return Elementwise.clamp(this, min, Double.POSITIVE_INFINITY);
    }

    public Tensor clampMax(double max) {
        return Elementwise.clamp(this, Double.NEGATIVE_INFINITY, max);
    }

    /** Elementwise maximum, NaN-propagating; ties split the gradient equally. */
    public Tensor maximum(Tensor other) {
        return Maximum.apply(true, this, other);
    }

    /** Elementwise minimum, NaN-propagating; ties split the gradient equally. */
    public Tensor minimum(Tensor other) {
        return Maximum.apply(false, this, other);
    }

    // ---- comparisons: 0/1 masks in this dtype, never differentiable ----

    public Tensor eq(Tensor other) {
        return Kernels.binary("eq", BinaryOp.EQ, this, other);
    }

    public Tensor eq(double value) {
        return eq(scalarLike(value));
    }

    public Tensor ne(Tensor other) {
        return Kernels.binary("ne", BinaryOp.NE, this, other);
    }

    public Tensor ne(double value) {
        return ne(scalarLike(value));
    }

    public Tensor lt(Tensor other) {
        return Kernels.binary("lt", BinaryOp.LT, this, other);
    }

    public Tensor lt(double value) {
        return lt(scalarLike(value));
    }

    public Tensor le(Tensor other) {
        return Kernels.binary("le", BinaryOp.LE, this, other);
    }

    public Tensor le(double value) {
        return le(scalarLike(value));
    }

    public Tensor gt(Tensor other) {
        return Kernels.binary("gt", BinaryOp.GT, this, other);
    }

    public Tensor gt(double value) {
        return gt(scalarLike(value));
    }

    public Tensor ge(Tensor other) {
        return Kernels.binary("ge", BinaryOp.GE, this, other);
    }

    public Tensor ge(double value) {
        return ge(scalarLike(value));
    }

    /** {@code a} where {@code condition} is non-zero, else {@code b}; all three broadcast. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Where.apply(condition, a, b);
    }

    // ---- reductions ----

    /** Sum of all elements, as a scalar. */
    public Tensor sum() {
        return Reductions.sum(this, Reductions.allAxes(this), false);
    }

    public Tensor sum(int axis) {
        return Reductions.sum(this, new int[] {axis}, false);
    }

    public Tensor sum(int axis, boolean keepDim) {
        return Reductions.sum(this, new int[] {axis}, keepDim);
    }

    /** Sum over {@code axes}; with {@code keepDim} they stay as size-1 axes. */
    public Tensor sum(int[] axes, boolean keepDim) {
        return Reductions.sum(this, axes, keepDim);
    }

    /** Mean of all elements, as a scalar. */
    public Tensor mean() {
        return Reductions.mean(this, Reductions.allAxes(this), false);
    }

    public Tensor mean(int axis) {
        return Reductions.mean(this, new int[] {axis}, false);
    }

    public Tensor mean(int axis, boolean keepDim) {
        return Reductions.mean(this, new int[] {axis}, keepDim);
    }

    public Tensor mean(int[] axes, boolean keepDim) {
        return Reductions.mean(this, axes, keepDim);
    }

    /** Largest element; ties share the gradient equally (PyTorch's {@code amax}). */
    public Tensor max() {
        return Reductions.extreme(ReduceOp.MAX, this, Reductions.allAxes(this), false);
    }

    public Tensor max(int axis, boolean keepDim) {
        return Reductions.extreme(ReduceOp.MAX, this, new int[] {axis}, keepDim);
    }

    public Tensor max(int[] axes, boolean keepDim) {
        return Reductions.extreme(ReduceOp.MAX, this, axes, keepDim);
    }

    /** Smallest element; ties share the gradient equally (PyTorch's {@code amin}). */
    public Tensor min() {
        return Reductions.extreme(ReduceOp.MIN, this, Reductions.allAxes(this), false);
    }

    public Tensor min(int axis, boolean keepDim) {
        return Reductions.extreme(ReduceOp.MIN, this, new int[] {axis}, keepDim);
    }

    public Tensor min(int[] axes, boolean keepDim) {
        return Reductions.extreme(ReduceOp.MIN, this, axes, keepDim);
    }

    /** Index of the largest element of the flattened tensor (first on ties), as a scalar. */
    public Tensor argmax() {
        return Reductions.argReduce(ArgReduceOp.ARGMAX, this.reshape(-1), 0, false);
    }

    public Tensor argmax(int axis, boolean keepDim) {
        return Reductions.argReduce(ArgReduceOp.ARGMAX, this, axis, keepDim);
    }

    public Tensor argmin() {
        return Reductions.argReduce(ArgReduceOp.ARGMIN, this.reshape(-1), 0, false);
    }

    public Tensor argmin(int axis, boolean keepDim) {
        return Reductions.argReduce(ArgReduceOp.ARGMIN, this, axis, keepDim);
    }

    /** Sample variance of all elements (divides by n - 1). */
    public Tensor var() {
        return Reductions.var(this, Reductions.allAxes(this), 1, false);
    }

    public Tensor var(int axis, boolean keepDim) {
        return Reductions.var(this, new int[] {axis}, 1, keepDim);
    }

    /** Variance over {@code axes}, dividing by {@code n - correction} (0: population, 1: sample). */
    public Tensor var(int[] axes, int correction, boolean keepDim) {
        return Reductions.var(this, axes, correction, keepDim);
    }

    /** Sample standard deviation of all elements. */
    public Tensor std() {
        return var().sqrt();
    }

    public Tensor std(int axis, boolean keepDim) {
        return var(axis, keepDim).sqrt();
    }

    public Tensor std(int[] axes, int correction, boolean keepDim) {
        return var(axes, correction, keepDim).sqrt();
    }

    /** {@code log(sum(exp(x)))} over {@code axis}, computed without overflow. */
    public Tensor logSumExp(int axis, boolean keepDim) {
        return Reductions.logSumExp(this, new int[] {axis}, keepDim);
    }

    public Tensor logSumExp(int[] axes, boolean keepDim) {
        return Reductions.logSumExp(this, axes, keepDim);
    }

    /** {@code exp(x) / sum(exp(x))} along {@code axis}, computed without overflow. */
    public Tensor softmax(int axis) {
        return Reductions.softmax(this, axis);
    }

    /** {@code x - logSumExp(x)} along {@code axis}. */
    public Tensor logSoftmax(int axis) {
        return Reductions.logSoftmax(this, axis);
    }

    // ---- linear algebra ----

    /**
     * Matrix product with PyTorch's rules: 1-D operands are vectors, 2-D are matrices, and higher
     * ranks are batches of matrices whose batch axes broadcast.
     */
    public Tensor matmul(Tensor other) {
        return LinearAlgebra.matmul(this, other);
    }

    /**
     * {@code this + mat1 @ mat2} for matrices {@code mat1: [M, K]}, {@code mat2: [K, N]} and this
     * broadcastable to {@code [M, N]}, as PyTorch's {@code addmm}: the same bits as
     * {@code mat1.matmul(mat2).add(this)}, in one backend call.
     */
    public Tensor addmm(Tensor mat1, Tensor mat2) {
        return LinearAlgebra.addmm(this, mat1, mat2);
    }

    // ---- shape (views where possible) ----

    /** The same elements in shape {@code dims}; one entry may be -1 (inferred). Copies only if needed. */
    public Tensor reshape(int... dims) {
        return Shaping.reshape(this, dims, false);
    }

    public Tensor reshape(Shape shape) {
        return Shaping.reshape(this, shape.dims(), false);
    }

    /** Like {@link #reshape} but never copies: fails if the strides do not allow a view. */
    public Tensor view(int... dims) {
        return Shaping.reshape(this, dims, true);
    }

    /** Axes reordered: axis {@code i} of the result is axis {@code order[i]} of this tensor. */
    public Tensor permute(int... order) {
        return Shaping.permute(this, order);
    }

    /** Axes {@code a} and {@code b} swapped. */
    public Tensor transpose(int a, int b) {
        return Shaping.transpose(this, a, b);
    }

    /** The last two axes swapped (the matrix transpose, batched). */
    public Tensor mT() {
        return Shaping.transpose(this, -2, -1);
    }

    /** Broadcast to {@code dims} without copying; -1 keeps an axis's size. */
    public Tensor expand(int... dims) {
        return Shaping.expand(this, dims);
    }

    /** Elements {@code start..end-1} along {@code axis} (Python slice bounds). */
    public Tensor slice(int axis, int start, int end) {
        return Shaping.slice(this, axis, start, end, 1);
    }

    /** Every {@code step}-th element of {@code start..end-1} along {@code axis}. */
    public Tensor slice(int axis, int start, int end, int step) {
        return Shaping.slice(this, axis, start, end, step);
    }

    /** {@code length} elements from {@code start} along {@code axis}; bounds must lie inside. */
    public Tensor narrow(int axis, int start, int length) {
        return Shaping.narrow(this, axis, start, length);
    }

    /** All size-1 axes removed. */
    public Tensor squeeze() {
        return Shaping.squeeze(this);
    }

    /** {@code axis} removed if its size is 1. */
    public Tensor squeeze(int axis) {
        return Shaping.squeeze(this, axis);
    }

    /** A size-1 axis inserted at {@code axis} (in [-rank-1, rank]). */
    public Tensor unsqueeze(int axis) {
        return Shaping.unsqueeze(this, axis);
    }

    /** All axes merged into one. */
    public Tensor flatten() {
        return Shaping.flatten(this, 0, -1);
    }

    /** Axes {@code start..end} (inclusive) merged into one. */
    public Tensor flatten(int start, int end) {
        return Shaping.flatten(this, start, end);
    }

    /** Element order reversed along each of {@code axes}. */
    public Tensor flip(int... axes) {
        return Shaping.flip(this, axes);
    }

    /**
     * Constant padding as PyTorch's {@code F.pad}: {@code padding} holds (before, after) pairs
     * starting from the last axis.
     */
    public Tensor pad(int[] padding, double value) {
        return Shaping.pad(this, padding, value);
    }

    /** Zero padding; see {@link #pad(int[], double)}. */
    public Tensor pad(int... padding) {
        return Shaping.pad(this, padding, 0);
    }

    /** The tensors joined along an existing {@code axis}; other sizes must match. */
    public static Tensor cat(List<Tensor> tensors, int axis) {
        return Shaping.cat(tensors, axis);
    }

    /** The tensors (of one shape) stacked along a new {@code axis}. */
    public static Tensor stack(List<Tensor> tensors, int axis) {
        return Shaping.stack(tensors, axis);
    }

    // ---- indexing ----

    /** The slices at {@code index} (1-D, integer values) along {@code axis}. */
    public Tensor indexSelect(int axis, Tensor index) {
        return Indexing.indexSelect(this, axis, index);
    }

    /** {@code out[i] = this[i with axis replaced by index[i]]}; out has index's shape. */
    public Tensor gather(int axis, Tensor index) {
        return Indexing.gather(this, axis, index);
    }

    // ---- printing ----

    /** The values PyTorch-style, abridged when large, with shape, dtype, device and grad state. */
    @Override
    public String toString() {
        List<String> suffixes = new ArrayList<>();
        suffixes.add("shape=" + shape());
        suffixes.add("dtype=" + dtype());
        suffixes.add("device=" + device());
        if (node != null) {
            suffixes.add("creator=" + node.name());
        } else if (requiresGrad) {
            suffixes.add("requiresGrad=true");
        }
        return TensorFormatter.format(toDoubleArray(), shape(), dtype(), suffixes);
    }

    private Tensor scalarLike(double value) {
        return Creation.full(value, Shape.scalar(), dtype(), backend);
    }
}
