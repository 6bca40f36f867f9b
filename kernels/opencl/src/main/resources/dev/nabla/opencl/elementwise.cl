// Elementwise kernels. Each op is generated from one of the templates below by KernelSource,
// which replaces $NAME with the kernel name, $EXPR with the op's C expression of v (unary) or a
// and b (binary), and $WALK and $POS with one of the addressing variants of common.cl. Operands
// are strided views over one index space, described by the geom_t g.

// Java's Math.signum, plus 0.0: NaN stays NaN and both zeros give +0.
inline T nabla_sign(T x) {
    return isnan(x) ? x : x > 0 ? (T) 1 : x < 0 ? (T) -1 : (T) 0;
}

// tanh, saturated to +-1 where it rounds to +-1 (|x| >= 9.01 in float, 18.9 in double), so at
// +-inf too: a device's float tanh may stop an ulp short of 1 (PoCL's does, even at infinity),
// and then x * (1 + tanh(x)) at x = -inf is -inf instead of NaN.
inline T nabla_tanh(T x) {
    return fabs(x) > (sizeof(T) == 4 ? (T) 9.1f : (T) 19.1) ? copysign((T) 1, x) : tanh(x);
}

// The reference's pow, C's: 1^y = 1 for every y, NaN included, and (-1)^(+-inf) = 1, stated here
// rather than left to the device's library. OpenCL allows float pow an error of 16 ulp, so it is
// computed in ACC (double where the device has it) and rounded once, as the reference does.
inline T nabla_pow(T a, T b) {
    return fabs(a) == (T) 1 && (a == (T) 1 || isinf(b)) ? (T) 1 : (T) pow((ACC) a, (ACC) b);
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
