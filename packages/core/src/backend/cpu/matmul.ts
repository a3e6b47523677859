import type { TypedArray } from '../../dtype.js';
import { forEachMatmulBatch, type MatmulSpec } from '../../ir/special.js';

/**
 * Batched matmul on host arrays, accumulating in float64. Two loop orders cover strided operands
 * without copies: when B's rows are contiguous, i-k-j (rows of B streamed into float64 row
 * accumulators, see `rowsKernel`); otherwise, when A's rows and B's columns are contiguous (B transposed),
 * i-j-k dot products. Any other layout is copied to rows first.
 */
export function matmulHost(s: MatmulSpec, a: TypedArray, b: TypedArray, out: TypedArray): void {
  const { m, k, n } = s;
  const acc = new Float64Array(4 * n);
  let bRows: TypedArray | null = null;
  if (s.bStrides[1] !== 1 && !(s.aStrides[1] === 1 && s.bStrides[0] === 1)) bRows = new Float64Array(k * n);
  forEachMatmulBatch(s, (bi, ao, bo) => {
    const oo = bi * m * n;
    if (s.bStrides[1] === 1) {
      rowsKernel(a, ao, s.aStrides[0], s.aStrides[1], b, bo, s.bStrides[0], m, k, n, out, oo, acc);
    } else if (bRows === null) {
      dotKernel(a, ao, s.aStrides[0], b, bo, s.bStrides[1], m, k, n, out, oo);
    } else {
      for (let kk = 0; kk < k; kk++) for (let j = 0; j < n; j++) bRows[kk * n + j] = b[bo + kk * s.bStrides[0] + j * s.bStrides[1]]!;
      rowsKernel(a, ao, s.aStrides[0], s.aStrides[1], bRows, 0, n, m, k, n, out, oo, acc);
    }
  });
}

/**
 * C = A·B with B's rows contiguous: blocks of four rows of A share each streamed row of B
 * (16 multiply-adds per 4 loads of B), k unrolled by four, float64 row accumulators.
 */
function rowsKernel(
  a: TypedArray, ao: number, am: number, ak: number,
  b: TypedArray, bo: number, bk: number,
  m: number, k: number, n: number, out: TypedArray, oo: number, acc: Float64Array,
): void {
  let i = 0;
  for (; i + 3 < m; i += 4) {
    acc.fill(0, 0, 4 * n);
    const r0 = ao + i * am, r1 = r0 + am, r2 = r1 + am, r3 = r2 + am;
    let kk = 0;
    for (; kk + 3 < k; kk += 4) {
      const k0 = kk * ak, k1 = k0 + ak, k2 = k1 + ak, k3 = k2 + ak;
      const a00 = a[r0 + k0]!, a01 = a[r0 + k1]!, a02 = a[r0 + k2]!, a03 = a[r0 + k3]!;
      const a10 = a[r1 + k0]!, a11 = a[r1 + k1]!, a12 = a[r1 + k2]!, a13 = a[r1 + k3]!;
      const a20 = a[r2 + k0]!, a21 = a[r2 + k1]!, a22 = a[r2 + k2]!, a23 = a[r2 + k3]!;
      const a30 = a[r3 + k0]!, a31 = a[r3 + k1]!, a32 = a[r3 + k2]!, a33 = a[r3 + k3]!;
      const b0 = bo + kk * bk, b1 = b0 + bk, b2 = b1 + bk, b3 = b2 + bk;
      for (let j = 0; j < n; j++) {
        const v0 = b[b0 + j]!, v1 = b[b1 + j]!, v2 = b[b2 + j]!, v3 = b[b3 + j]!;
        acc[j] += a00 * v0 + a01 * v1 + a02 * v2 + a03 * v3;
        acc[n + j] += a10 * v0 + a11 * v1 + a12 * v2 + a13 * v3;
        acc[2 * n + j] += a20 * v0 + a21 * v1 + a22 * v2 + a23 * v3;
        acc[3 * n + j] += a30 * v0 + a31 * v1 + a32 * v2 + a33 * v3;
      }
    }
    for (; kk < k; kk++) {
      const a0 = a[r0 + kk * ak]!, a1 = a[r1 + kk * ak]!, a2 = a[r2 + kk * ak]!, a3 = a[r3 + kk * ak]!;
      const br = bo + kk * bk;
      for (let j = 0; j < n; j++) {
        const v = b[br + j]!;
        acc[j] += a0 * v;
        acc[n + j] += a1 * v;
        acc[2 * n + j] += a2 * v;
        acc[3 * n + j] += a3 * v;
      }
    }
    const o = oo + i * n;
    for (let j = 0; j < 4 * n; j++) out[o + j] = acc[j]!;
  }
  for (; i < m; i++) {
    acc.fill(0, 0, n);
    const ar = ao + i * am;
    for (let kk = 0; kk < k; kk++) {
      const av = a[ar + kk * ak]!;
      const br = bo + kk * bk;
      for (let j = 0; j < n; j++) acc[j] += av * b[br + j]!;
    }
    const o = oo + i * n;
    for (let j = 0; j < n; j++) out[o + j] = acc[j]!;
  }
}

function dotKernel(
  a: TypedArray, ao: number, am: number,
  b: TypedArray, bo: number, bn: number,
  m: number, k: number, n: number, out: TypedArray, oo: number,
): void {
  for (let i = 0; i < m; i++) {
    const ar = ao + i * am;
    for (let j = 0; j < n; j++) {
      const bc = bo + j * bn;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let kk = 0;
      for (; kk + 3 < k; kk += 4) {
        s0 += a[ar + kk]! * b[bc + kk]!;
        s1 += a[ar + kk + 1]! * b[bc + kk + 1]!;
        s2 += a[ar + kk + 2]! * b[bc + kk + 2]!;
        s3 += a[ar + kk + 3]! * b[bc + kk + 3]!;
      }
      for (; kk < k; kk++) s0 += a[ar + kk]! * b[bc + kk]!;
      out[oo + i * n + j] = s0 + s1 + s2 + s3;
    }
  }
}
