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

/**
 * Gather / scatter-add along `axis`, all operands contiguous: `index` has shape `shape`;
 * the gathered-from (or scattered-into) tensor has `srcShape`, equal to `shape` except along `axis`.
 */
export interface GatherSpec {
  readonly axis: number;
  readonly shape: readonly number[];
  readonly srcShape: readonly number[];
}
