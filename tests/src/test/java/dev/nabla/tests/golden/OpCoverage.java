package dev.nabla.tests.golden;

import dev.nabla.autodiff.Tensor;
import dev.nabla.autodiff.functional.LinearAlgebra;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which public methods of {@code Tensor} are ops, and which of them lack golden cases or a
 * gradient check. Kept apart from the test so the checker itself can be tested on fake lists.
 */
final class OpCoverage {
    /**
     * Public methods returning a Tensor that are not ops to compare with PyTorch. Every name here
     * must exist on Tensor (checked), so the list cannot go stale silently.
     */
    static final Set<String> NOT_OPS = Set.of(
            // creation: values come from arguments or a seeded generator, there is no input to differentiate
            "zeros", "ones", "full", "scalar", "arange", "eye", "rand", "randn", "bernoulli", "randperm", "of",
            "fromArray", "zerosLike", "onesLike",
            // low-level construction and autograd bookkeeping, not computations
            "wrap", "alias", "grad", "detach", "requiresGrad",
            // copies and dtype/device conversions: identities on values, tested where devices are
            "copy", "contiguous", "to", "copyFrom");

    /**
     * Ops with no method on Tensor, held to the same coverage: each name is a public static method
     * of the class it maps to (checked).
     */
    static final Map<String, Class<?>> FUNCTIONAL_OPS = Map.of("addmmRelu", LinearAlgebra.class);

    /** Ops with no gradient: comparisons return 0/1 masks and arg-reductions indices. */
    static final Set<String> NON_DIFFERENTIABLE = Set.of("eq", "ne", "lt", "le", "gt", "ge", "argmax", "argmin");

    private OpCoverage() {
    }

    /** Names of the public (instance or static) methods of {@code type} that return {@code type}. */
    static SortedSet<String> tensorReturningMethods(Class<?> type) {
        SortedSet<String> names = new TreeSet<>();
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && m.getReturnType() == type) {
                names.add(m.getName());
            }
        }
        return names;
    }

    /** The op names of {@code type}: its Tensor-returning public methods minus {@link #NOT_OPS}. */
    static SortedSet<String> opNames(Class<?> type) {
        SortedSet<String> ops = tensorReturningMethods(type);
        ops.removeAll(NOT_OPS);
        return ops;
    }

    /** The ops to cover: {@link #opNames} of Tensor and the {@link #FUNCTIONAL_OPS}. */
    static SortedSet<String> allOps() {
        SortedSet<String> ops = opNames(Tensor.class);
        ops.addAll(FUNCTIONAL_OPS.keySet());
        return ops;
    }

    /**
     * One line per gap: an op without a golden case, or a differentiable op without a case that
     * runs the gradient check. Empty when everything is covered.
     */
    static List<String> gaps(Set<String> ops, Set<String> golden, Set<String> gradChecked,
                             Set<String> nonDifferentiable) {
        List<String> gaps = new ArrayList<>();
        for (String op : new TreeSet<>(ops)) {
            if (!golden.contains(op)) {
                gaps.add(op + ": no golden case; add cases to tests/golden/make_op_goldens.py and OpRegistry");
            } else if (!nonDifferentiable.contains(op) && !gradChecked.contains(op)) {
                gaps.add(op + ": no case runs the gradient check; add one at a differentiable point");
            }
        }
        return gaps;
    }
}
