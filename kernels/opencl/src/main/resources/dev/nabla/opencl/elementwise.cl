// Elementwise kernels. Each op is generated from one of the templates below by KernelSource,
// which replaces $NAME with the kernel name, $EXPR with the op's C expression of v (unary) or a
// and b (binary), and $WALK and $POS with one of the addressing variants of common.cl. Operands
// are strided views over one index space of `rank` merged axes.

// Java's Math.signum, plus 0.0: NaN stays NaN and both zeros give +0.
inline T nabla_sign(T x) {
    return isnan(x) ? x : x > 0 ? (T) 1 : x < 0 ? (T) -1 : (T) 0;
}

// Java's Math.pow differs from C's pow in two cases: pow(x, NaN) is NaN even for x = 1, and
// pow(+-1, +-inf) is NaN rather than 1. OpenCL allows float pow an error of 16 ulp, so it is
// computed in ACC (double where the device has it) and rounded once, as the reference does.
inline T nabla_pow(T a, T b) {
    return isnan(b) || (fabs(a) == (T) 1 && isinf(b)) ? (T) NAN : (T) pow((ACC) a, (ACC) b);
}

//@template unary
__kernel void $NAME(int n, int rank, dims_t dims,
                    layout_t lx, __global const T* x, layout_t lo, __global T* out) {
    int i = get_global_id(0);
    if (i >= n) return;
    $WALK
    T v = x[$POS(lx)];
    out[$POS(lo)] = $EXPR;
}

//@template binary
__kernel void $NAME(int n, int rank, dims_t dims, layout_t la, __global const T* pa,
                    layout_t lb, __global const T* pb, layout_t lo, __global T* out) {
    int i = get_global_id(0);
    if (i >= n) return;
    $WALK
    T a = pa[$POS(la)];
    T b = pb[$POS(lb)];
    out[$POS(lo)] = $EXPR;
}

//@template where
__kernel void $NAME(int n, int rank, dims_t dims, layout_t lc, __global const T* pc,
                    layout_t la, __global const T* pa, layout_t lb, __global const T* pb,
                    layout_t lo, __global T* out) {
    int i = get_global_id(0);
    if (i >= n) return;
    $WALK
    // A NaN condition is != 0, so it counts as true.
    out[$POS(lo)] = pc[$POS(lc)] != 0 ? pa[$POS(la)] : pb[$POS(lb)];
}
