// Elementwise kernels. Each op is generated from one of the templates below by KernelSource,
// which replaces $NAME with the kernel name, $EXPR with the op's C expression of v (unary) or a
// and b (binary), and $WALK and $POS with one of the addressing variants of common.cl. Operands
// are strided views over one index space, described by the geom_t g.

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
__kernel void $NAME(geom_t g, __global const T* x, __global T* out) {
    int i = get_global_id(0);
    if (i >= g.n) return;
    $WALK
    T v = x[$POS(g.l[0])];
    out[$POS(g.l[1])] = $EXPR;
}

//@template binary
__kernel void $NAME(geom_t g, __global const T* pa, __global const T* pb, __global T* out) {
    int i = get_global_id(0);
    if (i >= g.n) return;
    $WALK
    T a = pa[$POS(g.l[0])];
    T b = pb[$POS(g.l[1])];
    out[$POS(g.l[2])] = $EXPR;
}

//@template add_scaled
// out = a + alpha * b, rounded once: fma is correctly rounded in OpenCL C.
__kernel void $NAME(geom_t g, __global const T* pa, __global const T* pb, __global T* out, T alpha) {
    int i = get_global_id(0);
    if (i >= g.n) return;
    $WALK
    T a = pa[$POS(g.l[0])];
    T b = pb[$POS(g.l[1])];
    out[$POS(g.l[2])] = fma(b, alpha, a);
}

//@template where
__kernel void $NAME(geom_t g, __global const T* pc, __global const T* pa, __global const T* pb,
                    __global T* out) {
    int i = get_global_id(0);
    if (i >= g.n) return;
    $WALK
    // A NaN condition is != 0, so it counts as true.
    out[$POS(g.l[3])] = pc[$POS(g.l[0])] != 0 ? pa[$POS(g.l[1])] : pb[$POS(g.l[2])];
}
