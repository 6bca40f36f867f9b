// Batched GEMM, C[b] = A[b] @ B[b], on row-major matrices with leading dimensions lda, ldb, ldc
// and batch strides (0 broadcasts a matrix over the batch). The build defines the blocking:
//   TSM x TSN  the tile of C one work-group computes, TSK the depth of the A and B tiles staged
//              in local memory per step;
//   WPTM x WPTN the outputs of one work-item (register blocking): rows ty, ty + RTSM, ...,
//              and WPTN consecutive columns held as vectors of VW elements.
// Edges are bounds-checked: out-of-range tile elements load as 0 and are never stored.

// Unlike the elementwise kernels, a product's sum may be fused into multiply-adds.
#pragma OPENCL FP_CONTRACT ON

#define RTSM (TSM / WPTM)
#define RTSN (TSN / WPTN)
#define THREADS (RTSM * RTSN)
#define NV (WPTN / VW)
#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define VT CAT(T, VW)
#define VLOAD CAT(vload, VW)
#define VSTORE CAT(vstore, VW)

__kernel __attribute__((reqd_work_group_size(RTSN, RTSM, 1)))
void gemm(int M, int N, int K,
          __global const T* A, int aOff, int lda, int aBatch, int vecA,
          __global const T* B, int bOff, int ldb, int bBatch, int vecB,
          __global T* C, int cOff, int ldc, int cBatch) {
    const int tx = get_local_id(0);
    const int ty = get_local_id(1);
    const int tid = ty * RTSN + tx;
    const int col0 = get_group_id(0) * TSN;
    const int row0 = get_group_id(1) * TSM;
    const int batch = get_global_id(2);
    A += aOff + batch * aBatch;
    B += bOff + batch * bBatch;
    C += cOff + batch * cBatch;

    // Both tiles are staged row-major: a work-item reads its rows' values of A for one k as
    // scalars, and its columns of B as vectors.
    __local T As[TSM][TSK];
    __local T Bs[TSK][TSN];
    VT acc[WPTM][NV];
    #pragma unroll
    for (int wm = 0; wm < WPTM; wm++) {
        #pragma unroll
        for (int wn = 0; wn < NV; wn++) {
            acc[wm][wn] = (VT) 0;
        }
    }

    for (int k0 = 0; k0 < K; k0 += TSK) {
        bool fullA = vecA && row0 + TSM <= M && k0 + TSK <= K;
        bool fullB = vecB && k0 + TSK <= K && col0 + TSN <= N;
        if (fullA) {
            for (int l = tid; l < TSK * TSM / VW; l += THREADS) {
                int m = l / (TSK / VW);
                int k = (l % (TSK / VW)) * VW;
                VSTORE(VLOAD(0, A + (row0 + m) * lda + k0 + k), 0, &As[m][k]);
            }
        } else {
            for (int l = tid; l < TSK * TSM; l += THREADS) {
                int m = l / TSK;
                int k = l % TSK;
                As[m][k] = row0 + m < M && k0 + k < K ? A[(row0 + m) * lda + k0 + k] : (T) 0;
            }
        }
        if (fullB) {
            for (int l = tid; l < TSK * TSN / VW; l += THREADS) {
                int k = l / (TSN / VW);
                int n = (l % (TSN / VW)) * VW;
                VSTORE(VLOAD(0, B + (k0 + k) * ldb + col0 + n), 0, &Bs[k][n]);
            }
        } else {
            for (int l = tid; l < TSK * TSN; l += THREADS) {
                int k = l / TSN;
                int n = l % TSN;
                Bs[k][n] = k0 + k < K && col0 + n < N ? B[(k0 + k) * ldb + col0 + n] : (T) 0;
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);

        for (int k = 0; k < TSK; k++) {
            VT b[NV];
            #pragma unroll
            for (int wn = 0; wn < NV; wn++) {
                b[wn] = VLOAD(0, &Bs[k][tx * WPTN + wn * VW]);
            }
            #pragma unroll
            for (int wm = 0; wm < WPTM; wm++) {
                VT a = (VT) As[ty + wm * RTSM][k];
                #pragma unroll
                for (int wn = 0; wn < NV; wn++) {
                    acc[wm][wn] += a * b[wn];
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }

    #pragma unroll

    for (int wm = 0; wm < WPTM; wm++) {
        int row = row0 + ty + wm * RTSM;
        if (row >= M) continue;
        #pragma unroll
        for (int wn = 0; wn < NV; wn++) {
            int col = col0 + tx * WPTN + wn * VW;
            __global T* c = C + row * ldc + col;
            if (col + VW <= N) {
                VSTORE(acc[wm][wn], 0, c);
            } else {
                T tmp[VW];
                VSTORE(acc[wm][wn], 0, tmp);
                #pragma unroll
                for (int e = 0; e < VW && col + e < N; e++) {
                    c[e] = tmp[e];
                }
            }
        }
    }
}
