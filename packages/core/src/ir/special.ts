/**
 * Batched matmul `out[b] = A[b] @ B[b]`: A is [M, K] and B is [K, N] per batch, read through
 * strides (so transposed operands are not copied); `batch` lists the broadcast batch dims with
 * each operand's batch strides. `out` is contiguous [...batch, M, N].
 */
export interface MatmulSpec {
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly batch: readonly number[];
  readonly aBatchStrides: readonly number[];
  readonly bBatchStrides: readonly number[];
  /** A's strides along M and K; its offset. */
  readonly aStrides: readonly [number, number];
  readonly aOffset: number;
  readonly bStrides: readonly [number, number];
  readonly bOffset: number;
}

/** Calls `f(batchIndex, aOffset, bOffset)` for each batch of a matmul, in output order. */
export function forEachMatmulBatch(s: MatmulSpec, f: (bi: number, ao: number, bo: number) => void): void {
  const batchSize = s.batch.reduce((x, y) => x * y, 1);
  const idx = new Array<number>(s.batch.length).fill(0);
  for (let bi = 0; bi < batchSize; bi++) {
    let ao = s.aOffset;
    let bo = s.bOffset;
    for (let d = 0; d < idx.length; d++) {
      ao += idx[d]! * s.aBatchStrides[d]!;
      bo += idx[d]! * s.bBatchStrides[d]!;
    }
    f(bi, ao, bo);
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d]! < s.batch[d]!) break;
      idx[d] = 0;
    }
  }
}

/**
 * Gather / scatter-add along `axis`, all operands contiguous: `index` has shape `shape`;
 * the gathered-from (or scattered-into) tensor has `srcShape`, equal to `shape` except along `axis`.
 */
export interface GatherSpec {
  readonly axis: number;
  readonly shape: readonly number[];
  readonly srcShape: readonly number[];
}
