package dev.nabla.opencl;

import dev.nabla.tensor.DType;
import dev.nabla.tensor.spi.ArgReduceOp;
import dev.nabla.tensor.spi.BinaryOp;
import dev.nabla.tensor.spi.ReduceOp;
import dev.nabla.tensor.spi.UnaryOp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * The kernels of one device, one program per family (elementwise, reduce, indexing, copy, matmul)
 * and dtype, each generated and built on first use. This is where every op meets its OpenCL C
 * expression: the tables below are the only per-op kernel code.
 */
final class Programs {
    /** Work-items per group of the reduce kernels' tree; a power of two. */
    final int reduceGroup;
    private final ClContext ctx;
    private final Map<DType, cl_program> elementwise = new EnumMap<>(DType.class);
    private final Map<DType, cl_program> reduce = new EnumMap<>(DType.class);
    private final Map<DType, cl_program> indexing = new EnumMap<>(DType.class);
    private final cl_program[][] copy = new cl_program[2][2];

    Programs(ClContext ctx) {
        this.ctx = ctx;
        this.reduceGroup = (int) Math.min(256, Long.highestOneBit(ctx.device.maxWorkGroupSize()));
    }

    /** The OpenCL C expression of a unary op of {@code v}. */
    static String expression(UnaryOp op) {
        return switch (op) {
            case NEG -> "-v";
            case ABS -> "fabs(v)";
            case SIGN -> "nabla_sign(v)";
            case EXP -> "exp(v)";
            case LOG -> "log(v)";
            case SQRT -> "sqrt(v)";
            case TANH -> "nabla_tanh(v)";
            case SIGMOID -> "(T) 1 / ((T) 1 + exp(-v))";
            case ERF -> "erf(v)";
            case RELU -> "v < (T) 0 ? (T) 0 : v";
        };
    }

    /** The OpenCL C expression of a binary op of {@code a} and {@code b}. */
    static String expression(BinaryOp op) {
        return switch (op) {
            case ADD -> "a + b";
            case SUB -> "a - b";
            case MUL -> "a * b";
            case DIV -> "a / b";
            case POW -> "nabla_pow(a, b)";
            case MAX -> "nabla_max(a, b)";
            case MIN -> "nabla_min(a, b)";
            case EQ -> "(T) (a == b)";
            case NE -> "(T) (a != b)";
            case LT -> "(T) (a < b)";
            case LE -> "(T) (a <= b)";
            case GT -> "(T) (a > b)";
            case GE -> "(T) (a >= b)";
        };
    }

    /** Accumulator type, identity and combining function of a reduction. */
    private static Map<String, String> reduction(ReduceOp op) {
        return switch (op) {
            case SUM -> Map.of("ACC", "ACC", "IDENTITY", "0", "COMBINE", "nabla_sum");
            case MAX -> Map.of("ACC", "T", "IDENTITY", "-INFINITY", "COMBINE", "nabla_max");
            case MIN -> Map.of("ACC", "T", "IDENTITY", "INFINITY", "COMBINE", "nabla_min");
        };
    }

    private static String better(ArgReduceOp op) {
        return switch (op) {
            case ARGMAX -> ">";
            case ARGMIN -> "<";
        };
    }

    cl_kernel unary(DType t, UnaryOp op, Geometry g) {
        return ctx.kernel(elementwise(t), variant("unary_" + op, g));
    }

    cl_kernel binary(DType t, BinaryOp op, Geometry g) {
        return ctx.kernel(elementwise(t), variant("binary_" + op, g));
    }

    cl_kernel addScaled(DType t, Geometry g) {
        return ctx.kernel(elementwise(t), variant("add_scaled", g));
    }

    cl_kernel where(DType t, Geometry g) {
        return ctx.kernel(elementwise(t), variant("where", g));
    }

    /** Addressing variants of the kernels over an index space (see common.cl): name suffix and macros. */
    private static final String[] VARIANTS = {"_nd", "_2d", "_1d"};

    /** The name of the variant of kernel {@code name} that addresses {@code g} most simply. */
    private static String variant(String name, Geometry g) {
        return name + VARIANTS[g.rank <= 1 ? 2 : g.rank == 2 ? 1 : 0];
    }

    /** Every addressing variant of template {@code template} as kernel {@code name} plus its suffix. */
    private static void addVariants(List<KernelSource.Instance> list, String template, String name,
                                    Map<String, String> values) {
        for (String suffix : VARIANTS) {
            String form = suffix.substring(1).toUpperCase(Locale.ROOT);
            Map<String, String> v = new HashMap<>(values);
            v.put("NAME", name + suffix);
            v.put("WALK", "WALK_" + form);
            v.put("POS", "POS_" + form);
            list.add(new KernelSource.Instance(template, v));
        }
    }

    /** The reduction kernel: one work-group per output element if {@code group}, else one work-item. */
    cl_kernel reduce(DType t, ReduceOp op, boolean group) {
        cl_program p = reduce.computeIfAbsent(t, d -> {
            List<KernelSource.Instance> list = new ArrayList<>();
            for (ReduceOp r : ReduceOp.values()) {
                Map<String, String> v = new HashMap<>(reduction(r));
                v.put("NAME", r.name());
                list.add(new KernelSource.Instance("reduce", v));
            }
            return build("reduce " + d, KernelSource.generate("reduce.cl", list), d, d,
                    " -DGROUP=" + reduceGroup);
        });
        return ctx.kernel(p, op + (group ? "_group" : "_serial"));
    }

    cl_kernel argReduce(DType t, ArgReduceOp op) {
        return ctx.kernel(indexing(t), op.name());
    }

    cl_kernel gather(DType t) {
        return ctx.kernel(indexing(t), "gather");
    }

    cl_kernel scatterAdd(DType t) {
        return ctx.kernel(indexing(t), "scatter_add");
    }

    /** Copy with conversion from {@code src} to {@code dst}. */
    cl_kernel copy(DType src, DType dst, Geometry g) {
        return ctx.kernel(copyProgram(src, dst), variant("copy", g));
    }

    cl_kernel fill(DType t, Geometry g) {
        return ctx.kernel(copyProgram(t, t), variant("fill", g));
    }

    /** The GEMM kernel compiled with {@code config}'s blocking. */
    cl_program gemm(DType t, GemmConfig config) {
        return build("matmul " + t, KernelSource.plain("matmul.cl"), t, t, config.defines());
    }

    private cl_program elementwise(DType t) {
        return elementwise.computeIfAbsent(t, d -> {
            List<KernelSource.Instance> list = new ArrayList<>();
            for (UnaryOp op : UnaryOp.values()) {
                addVariants(list, "unary", "unary_" + op, Map.of("EXPR", expression(op)));
            }
            for (BinaryOp op : BinaryOp.values()) {
                addVariants(list, "binary", "binary_" + op, Map.of("EXPR", expression(op)));
            }
            addVariants(list, "add_scaled", "add_scaled", Map.of());
            addVariants(list, "where", "where", Map.of());
            return build("elementwise " + d, KernelSource.generate("elementwise.cl", list), d, d, "");
        });
    }

    private cl_program indexing(DType t) {
        return indexing.computeIfAbsent(t, d -> {
            List<KernelSource.Instance> list = new ArrayList<>();
            for (ArgReduceOp op : ArgReduceOp.values()) {
                list.add(new KernelSource.Instance("argreduce", Map.of("NAME", op.name(), "BETTER", better(op))));
            }
            return build("indexing " + d, KernelSource.generate("indexing.cl", list), d, d, "");
        });
    }

    private cl_program copyProgram(DType src, DType dst) {
        cl_program p = copy[src.ordinal()][dst.ordinal()];
        if (p == null) {
            List<KernelSource.Instance> list = new ArrayList<>();
            addVariants(list, "copy", "copy", Map.of());
            addVariants(list, "fill", "fill", Map.of());
            p = build("copy " + src + " to " + dst, KernelSource.generate("copy.cl", list), src, dst,
                    " -DSRC=" + cType(src) + " -DDST=" + cType(dst));
            copy[src.ordinal()][dst.ordinal()] = p;
        }
        return p;
    }

    /**
     * Builds with T = {@code t}'s C type (for copy: the destination type), ACC = double where the
     * device has it, and correctly rounded F32 division and sqrt where the device offers them.
     */
    private cl_program build(String what, String source, DType src, DType t, String extra) {
        requireSupported(src);
        requireSupported(t);
        StringBuilder options = new StringBuilder("-DT=").append(cType(t))
                .append(" -DACC=").append(ctx.device.fp64() ? "double" : cType(t));
        if (ctx.device.correctDivSqrt()) {
            options.append(" -cl-fp32-correctly-rounded-divide-sqrt");
        }
        return ctx.program(what, source, options + extra);
    }

    /**
     * @throws IllegalArgumentException if {@code t} is F64 and the device lacks cl_khr_fp64
     */
    void requireSupported(DType t) {
        if (t == DType.F64 && !ctx.device.fp64()) {
            throw new IllegalArgumentException("opencl: F64 needs the cl_khr_fp64 extension, which device opencl:"
                    + ctx.device.index() + " (" + ctx.device.name() + ") does not have; use DType.F32 on this device,"
                    + " or the simd backend for F64");
        }
    }

    static String cType(DType t) {
        return t == DType.F32 ? "float" : "double";
    }
}
