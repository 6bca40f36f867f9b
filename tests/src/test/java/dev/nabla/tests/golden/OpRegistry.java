package dev.nabla.tests.golden;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.LinearAlgebra;
import dev.nabla.tensor.Shape;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Every golden op name mapped to a call of the real {@link Tensor} API. The keys are Tensor
 * method names; which arguments a case carries picks the overload (see {@link Args}). The torch
 * twin of each entry is the {@code TORCH} table of {@code tests/golden/make_op_goldens.py}.
 */
final class OpRegistry {
    /** One op: the prepared operands, in case order, and the case's arguments. */
    @FunctionalInterface
    interface GoldenOp {
        Tensor apply(List<Tensor> inputs, Args args);
    }

    /** A Tensor method taking a double, as {@code add(double)}. */
    @FunctionalInterface
    private interface WithScalar {
        Tensor apply(Tensor x, double value);
    }

    /** A Tensor method of the form {@code op(int axis, boolean keepDim)}. */
    @FunctionalInterface
    private interface AxisKeep {
        Tensor apply(Tensor x, int axis, boolean keepDim);
    }

    /** A Tensor method of the form {@code op(int[] axes, boolean keepDim)}. */
    @FunctionalInterface
    private interface AxesKeep {
        Tensor apply(Tensor x, int[] axes, boolean keepDim);
    }

    /** A Tensor method of the form {@code op(int[] axes, int correction, boolean keepDim)}. */
    @FunctionalInterface
    private interface AxesCorrectionKeep {
        Tensor apply(Tensor x, int[] axes, int correction, boolean keepDim);
    }

    static final Map<String, GoldenOp> OPS = Collections.unmodifiableMap(build());

    private OpRegistry() {
    }

    /** Runs {@code op}; an unknown name fails with the known ones. */
    static Tensor apply(String op, List<Tensor> inputs, Args args) {
        GoldenOp fn = OPS.get(op);
        if (fn == null) {
            throw new IllegalArgumentException("no golden op '" + op + "'; known: " + OPS.keySet());
        }
        return fn.apply(inputs, args);
    }

    private static Map<String, GoldenOp> build() {
        Map<String, GoldenOp> m = new TreeMap<>();
        arithmetic(m);
        comparisons(m);
        reductions(m);
        shaping(m);
        m.put("matmul", (in, a) -> in.get(0).matmul(in.get(1)));
        m.put("addmm", (in, a) -> in.get(0).addmm(in.get(1), in.get(2)));
        m.put("addmmRelu", (in, a) -> LinearAlgebra.addmmRelu(in.get(0), in.get(1), in.get(2)));
        m.put("where", (in, a) -> Tensor.where(in.get(0), in.get(1), in.get(2)));
        m.put("indexSelect", (in, a) -> in.get(0).indexSelect(a.integer("axis"), in.get(1)));
        m.put("gather", (in, a) -> in.get(0).gather(a.integer("axis"), in.get(1)));
        return m;
    }

    private static void arithmetic(Map<String, GoldenOp> m) {
        binary(m, "add", Tensor::add, Tensor::add);
        binary(m, "sub", Tensor::sub, Tensor::sub);
        binary(m, "mul", Tensor::mul, Tensor::mul);
        binary(m, "div", Tensor::div, Tensor::div);
        binary(m, "pow", Tensor::pow, Tensor::pow);
        binary(m, "maximum", Tensor::maximum, null);
        binary(m, "minimum", Tensor::minimum, null);
        unary(m, "neg", Tensor::neg);
        unary(m, "exp", Tensor::exp);
        unary(m, "log", Tensor::log);
        unary(m, "sqrt", Tensor::sqrt);
        unary(m, "abs", Tensor::abs);
        unary(m, "sign", Tensor::sign);
        unary(m, "tanh", Tensor::tanh);
        unary(m, "sigmoid", Tensor::sigmoid);
        unary(m, "erf", Tensor::erf);
        unary(m, "relu", Tensor::relu);
        m.put("clamp", (in, a) -> in.get(0).clamp(a.real("min"), a.real("max")));
        m.put("clampMin", (in, a) -> in.get(0).clampMin(a.real("min")));
        m.put("clampMax", (in, a) -> in.get(0).clampMax(a.real("max")));
    }

    private static void comparisons(Map<String, GoldenOp> m) {
        binary(m, "eq", Tensor::eq, Tensor::eq);
        binary(m, "ne", Tensor::ne, Tensor::ne);
        binary(m, "lt", Tensor::lt, Tensor::lt);
        binary(m, "le", Tensor::le, Tensor::le);
        binary(m, "gt", Tensor::gt, Tensor::gt);
        binary(m, "ge", Tensor::ge, Tensor::ge);
    }

    private static void reductions(Map<String, GoldenOp> m) {
        m.put("sum", (in, a) -> a.has("axis") && !a.has("keepDim") ? in.get(0).sum(a.integer("axis"))
                : reduction(in.get(0), a, Tensor::sum, Tensor::sum, Tensor::sum));
        m.put("mean", (in, a) -> a.has("axis") && !a.has("keepDim") ? in.get(0).mean(a.integer("axis"))
                : reduction(in.get(0), a, Tensor::mean, Tensor::mean, Tensor::mean));
        m.put("max", (in, a) -> reduction(in.get(0), a, Tensor::max, Tensor::max, Tensor::max));
        m.put("min", (in, a) -> reduction(in.get(0), a, Tensor::min, Tensor::min, Tensor::min));
        m.put("logSumExp", (in, a) -> reduction(in.get(0), a, null, Tensor::logSumExp, Tensor::logSumExp));
        m.put("argmax", (in, a) -> reduction(in.get(0), a, Tensor::argmax, Tensor::argmax, null));
        m.put("argmin", (in, a) -> reduction(in.get(0), a, Tensor::argmin, Tensor::argmin, null));
        m.put("var", (in, a) -> variance(in.get(0), a, Tensor::var, Tensor::var, Tensor::var));
        m.put("std", (in, a) -> variance(in.get(0), a, Tensor::std, Tensor::std, Tensor::std));
        m.put("softmax", (in, a) -> in.get(0).softmax(a.integer("axis")));
        m.put("logSoftmax", (in, a) -> in.get(0).logSoftmax(a.integer("axis")));
    }

    private static void shaping(Map<String, GoldenOp> m) {
        m.put("reshape", (in, a) -> a.has("shape") ? in.get(0).reshape(Shape.of(a.ints("shape")))
                : in.get(0).reshape(a.ints("dims")));
        m.put("view", (in, a) -> in.get(0).view(a.ints("dims")));
        m.put("permute", (in, a) -> in.get(0).permute(a.ints("order")));
        m.put("transpose", (in, a) -> in.get(0).transpose(a.integer("a"), a.integer("b")));
        unary(m, "mT", Tensor::mT);
        m.put("expand", (in, a) -> in.get(0).expand(a.ints("dims")));
        m.put("slice", (in, a) -> a.has("step")
                ? in.get(0).slice(a.integer("axis"), a.integer("start"), a.integer("end"), a.integer("step"))
                : in.get(0).slice(a.integer("axis"), a.integer("start"), a.integer("end")));
        m.put("narrow", (in, a) -> in.get(0).narrow(a.integer("axis"), a.integer("start"), a.integer("length")));
        m.put("squeeze", (in, a) -> a.has("axis") ? in.get(0).squeeze(a.integer("axis")) : in.get(0).squeeze());
        m.put("unsqueeze", (in, a) -> in.get(0).unsqueeze(a.integer("axis")));
        m.put("flatten", (in, a) -> a.has("start") ? in.get(0).flatten(a.integer("start"), a.integer("end"))
                : in.get(0).flatten());
        m.put("flip", (in, a) -> in.get(0).flip(a.ints("axes")));
        m.put("pad", (in, a) -> a.has("value") ? in.get(0).pad(a.ints("padding"), a.real("value"))
                : in.get(0).pad(a.ints("padding")));
        m.put("cat", (in, a) -> Tensor.cat(in, a.integer("axis")));
        m.put("stack", (in, a) -> Tensor.stack(in, a.integer("axis")));
    }

    /** {@code x op y}, or {@code x op scalar} when the case has a {@code scalar} argument. */
    private static void binary(Map<String, GoldenOp> m, String name, BinaryOperator<Tensor> tensors,
                               WithScalar scalar) {
        m.put(name, (in, a) -> a.has("scalar") ? scalar.apply(in.get(0), a.real("scalar"))
                : tensors.apply(in.get(0), in.get(1)));
    }

    private static void unary(Map<String, GoldenOp> m, String name, UnaryOperator<Tensor> fn) {
        m.put(name, (in, a) -> fn.apply(in.get(0)));
    }

    /** {@code all(x)} without arguments, {@code axis(x, axis, keepDim)}, or {@code axes(x, axes, keepDim)}. */
    private static Tensor reduction(Tensor x, Args a, UnaryOperator<Tensor> all, AxisKeep axis, AxesKeep axes) {
        if (a.has("axes")) {
            return axes.apply(x, a.ints("axes"), a.bool("keepDim"));
        }
        return a.has("axis") ? axis.apply(x, a.integer("axis"), a.bool("keepDim")) : all.apply(x);
    }

    /** As {@link #reduction}, with the {@code correction} of the axes overload. */
    private static Tensor variance(Tensor x, Args a, UnaryOperator<Tensor> all, AxisKeep axis,
                                   AxesCorrectionKeep axes) {
        if (a.has("axes")) {
            return axes.apply(x, a.ints("axes"), a.integer("correction"), a.bool("keepDim"));
        }
        return a.has("axis") ? axis.apply(x, a.integer("axis"), a.bool("keepDim")) : all.apply(x);
    }
}
