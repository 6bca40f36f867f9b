// Prepended to every Nabla program. The build defines T (the element type, float or double) and
// ACC (the type sums accumulate in: double where the device has cl_khr_fp64, else T).
#ifdef cl_khr_fp64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif
// Elementwise results must round exactly as the reference's: no fused multiply-add contraction.
#pragma OPENCL FP_CONTRACT OFF

#define MAX_RANK 8

// The sizes of an index space's axes, outermost first; only the first `rank` are used.
typedef struct { int d[MAX_RANK]; } dims_t;

// Where an operand's elements sit in its buffer: the position of element [0, ..., 0] and a stride
// per axis, in elements (0 on broadcast axes, negative on flipped ones).
typedef struct { int offset; int s[MAX_RANK]; } layout_t;

// An index space of n elements over `rank` merged axes and where up to four operands sit in it:
// what an elementwise kernel needs, passed as one argument, since each argument costs a call.
#define MAX_OPERANDS 4
typedef struct { int n; int rank; dims_t dims; layout_t l[MAX_OPERANDS]; } geom_t;

// The coordinates of the element with row-major number i.
inline void coords(int i, int rank, const dims_t dims, int* c) {
    for (int k = rank - 1; k >= 0; k--) {
        c[k] = i % dims.d[k];
        i /= dims.d[k];
    }
}

// The buffer position of the element at coordinates c.
inline int at(const layout_t l, int rank, const int* c) {
    int p = l.offset;
    for (int k = 0; k < rank; k++) {
        p += c[k] * l.s[k];
    }
    return p;
}

// Kernels over an index space come in three variants, generated from one template: any rank,
// walking coordinates (WALK_ND, POS_ND); two axes (WALK_2D, POS_2D), as for transposes and
// broadcast rows; and at most one axis, where the position is affine in the work-item's number
// (WALK_1D, POS_1D). The short forms have no loops, so compilers vectorise them. All expect int i
// and the geom_t g.
#define WALK_ND int c[MAX_RANK]; coords(i, g.rank, g.dims, c);
#define POS_ND(l) at(l, g.rank, c)
#define WALK_2D int r_ = i / g.dims.d[1]; int q_ = i - r_ * g.dims.d[1];
#define POS_2D(l) ((l).offset + r_ * (l).s[0] + q_ * (l).s[1])
#define WALK_1D
#define POS_1D(l) ((l).offset + i * (l).s[0])

// Java's Math.max and Math.min, which the reference follows: NaN wins, and -0 < +0. OpenCL's
// fmax and fmin return the other operand for a NaN, so they are not used.
inline T nabla_max(T a, T b) {
    return isnan(a) ? a : isnan(b) ? b : a > b ? a : b > a ? b : signbit(a) ? b : a;
}

inline T nabla_min(T a, T b) {
    return isnan(a) ? a : isnan(b) ? b : a < b ? a : b < a ? b : signbit(a) ? a : b;
}
