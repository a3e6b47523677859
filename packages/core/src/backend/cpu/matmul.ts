import type { TypedArray } from '../../dtype.js';
import type { MatmulSpec } from '../../ir/special.js';

/**
 * Batched matmul on host arrays, accumulating in float64. Two loop orders cover strided operands
 * without copies: when B's rows are contiguous, i-k-j (rows of B streamed, four k at a time, into a
 * float64 row accumulator); otherwise, when A's rows and B's columns are contiguous (B transposed),
 * i-j-k dot products. Any other layout is copied to rows first.
 */
export function matmulHost(s: MatmulSpec, a: TypedArray, b: TypedArray, out: TypedArray): void {
  const { m, k, n } = s;
  const batchSize = s.batch.reduce((x, y) => x * y, 1);
  const acc = new Float64Array(n);
  const idx = new Array<number>(s.batch.length).fill(0);
  let bRows: TypedArray | null = null;
  if (s.bStrides[1] !== 1 && !(s.aStrides[1] === 1 && s.bStrides[0] === 1)) bRows = new Float64Array(k * n);
  for (let bi = 0; bi < batchSize; bi++) {
    let ao = s.aOffset;
    let bo = s.bOffset;
    for (let d = 0; d < idx.length; d++) {
      ao += idx[d]! * s.aBatchStrides[d]!;
      bo += idx[d]! * s.bBatchStrides[d]!;
    }
    const oo = bi * m * n;
    if (s.bStrides[1] === 1) {
      rowsKernel(a, ao, s.aStrides[0], s.aStrides[1], b, bo, s.bStrides[0], m, k, n, out, oo, acc);
    } else if (bRows === null) {
      dotKernel(a, ao, s.aStrides[0], b, bo, s.bStrides[1], m, k, n, out, oo);
    } else {
      for (let kk = 0; kk < k; kk++) for (let j = 0; j < n; j++) bRows[kk * n + j] = b[bo + kk * s.bStrides[0] + j * s.bStrides[1]]!;
      rowsKernel(a, ao, s.aStrides[0], s.aStrides[1], bRows, 0, n, m, k, n, out, oo, acc);
    }
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d]! < s.batch[d]!) break;
      idx[d] = 0;
    }
  }
}

function rowsKernel(
  a: TypedArray, ao: number, am: number, ak: number,
  b: TypedArray, bo: number, bk: number,
  m: number, k: number, n: number, out: TypedArray, oo: number, acc: Float64Array,
): void {
  for (let i = 0; i < m; i++) {
    acc.fill(0);
    const ar = ao + i * am;
    let kk = 0;
    for (; kk + 3 < k; kk += 4) {
      const a0 = a[ar + kk * ak]!, a1 = a[ar + (kk + 1) * ak]!, a2 = a[ar + (kk + 2) * ak]!, a3 = a[ar + (kk + 3) * ak]!;
      const r0 = bo + kk * bk, r1 = r0 + bk, r2 = r1 + bk, r3 = r2 + bk;
      for (let j = 0; j < n; j++) acc[j] += a0 * b[r0 + j]! + a1 * b[r1 + j]! + a2 * b[r2 + j]! + a3 * b[r3 + j]!;
    }
    for (; kk < k; kk++) {
      const av = a[ar + kk * ak]!;
      const r = bo + kk * bk;
      for (let j = 0; j < n; j++) acc[j] += av * b[r + j]!;
    }
    const orow = oo + i * n;
    for (let j = 0; j < n; j++) out[orow + j] = acc[j]!;
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
