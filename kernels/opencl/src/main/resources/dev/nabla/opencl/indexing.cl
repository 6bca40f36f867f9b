// Arg-reductions, gather and scatter-add. Arg-reductions are generated per op by KernelTemplates:
// $NAME and $BETTER (the comparison that makes a value the new extreme).

// x gathered along an axis: one work-item per index element. lx is x's layout with the gathered
// axis' stride set to 0; step is that stride.
__kernel void gather(int n, int rank, dims_t dims, layout_t lx, __global const T* x, int step,
                     layout_t li, __global const T* index, layout_t lo, __global T* out) {
    int i = get_global_id(0);
    if (i >= n) return;
    int c[MAX_RANK];
    coords(i, rank, dims, c);
    int k = (int) index[at(li, rank, c)];
    out[at(lo, rank, c)] = x[at(lx, rank, c) + k * step];
}

// The adjoint of gather. One work-item per line along the axis (the index space has that axis
// of size 1), adding in index order: distinct lines never write the same element, so no atomics
// are needed and the sums are deterministic.
__kernel void scatter_add(int n, int rank, dims_t dims, int len,
                          layout_t ls, __global const T* src, int sstep,
                          layout_t li, __global const T* index, int istep,
                          layout_t lo, __global T* out, int ostep) {
    int i = get_global_id(0);
    if (i >= n) return;
    int c[MAX_RANK];
    coords(i, rank, dims, c);
    int s = at(ls, rank, c);
    int ix = at(li, rank, c);
    int o = at(lo, rank, c);
    for (int k = 0; k < len; k++) {
        int p = o + (int) index[ix + k * istep] * ostep;
        out[p] = out[p] + src[s + k * sstep];
    }
}

//@template argreduce
// The first index of the extreme along an axis of length len (stride step); a NaN is the extreme.
__kernel void $NAME(int n, int rank, dims_t dims, layout_t lx, __global const T* x, int len, int step,
                    layout_t lo, __global T* out) {
    int i = get_global_id(0);
    if (i >= n) return;
    int c[MAX_RANK];
    coords(i, rank, dims, c);
    int base = at(lx, rank, c);
    int best = 0;
    T bestValue = x[base];
    for (int k = 1; k < len && !isnan(bestValue); k++) {
        T v = x[base + k * step];
        if (isnan(v) || v $BETTER bestValue) {
            best = k;
            bestValue = v;
        }
    }
    out[at(lo, rank, c)] = (T) best;
}
