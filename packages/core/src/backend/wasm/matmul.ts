/**
 * Float32 matmul in wasm SIMD128: B is packed into panels of 8 columns (K × 8 floats each,
 * contiguous, zero-padded past N), then a 4 × 8 register-blocked micro-kernel (8 f32x4
 * accumulators, A read through its strides and splatted) walks each panel for blocks of four rows
 * of A, and single rows for the rest. The last panel's partial columns are stored lane by lane.
 * NOTE: float32 products accumulate in float32 for 32 steps of k at a time (as XNNPACK and ORT do for
 * all of K), then in float64: the error stays near the cpu backend's (float64 throughout), not
 * growing with K. The multiply-adds are relaxed SIMD's fused `f32x4.relaxed_madd` where the host
 * compiles it (`relaxed.ts`; 1024³: ~41 instead of ~29 GFLOP/s here), else a multiply and an add.
 */
import { forEachMatmulBatch, type MatmulSpec } from '../../ir/special.js';
import { BLOCK_VOID, HIGH_TO_LOW, I32, OP, V, V128, kernelModule, s32, simd, u32 } from './encoding.js';
import type { Compiled } from './index.js';
import type { WasmMemory } from './memory.js';
import { relaxedMadd, withRelaxedSimd } from './relaxed.js';
import { splitRange } from './split.js';
import type { WorkerPool } from './threads.js';

// Parameters and locals of the micro-kernel function.
const A = 0, LDA = 1, LDK = 2, BP = 3, C = 4, M = 5, N = 6, K = 7, TMP = 8;
/** Rows per register block: 2·ROWS accumulators + B's two vectors + A's splat fit x64's 16 vector registers. */
const ROWS = 4;
/** Steps of k accumulated in float32 before the partial sums move to float64. */
const KBLOCK = 32;
const J = 9, I = 10, KK = 11, PB = 12, PC = 13, T = 14, PANEL = 15, KEND = 16, PA = 17 /* ROWS of them */;
const ACC = PA + ROWS /* 2·ROWS */, B0 = ACC + 2 * ROWS, B1 = B0 + 1, AV = B1 + 1, SUM = AV + 1 /* 4·ROWS */;

const get = (i: number) => [OP.local_get, ...u32(i)];
const set = (i: number) => [OP.local_set, ...u32(i)];
const i32c = (v: number) => [OP.i32_const, ...s32(v)];
const add = (i: number, by: number[]) => [...get(i), ...by, OP.i32_add, ...set(i)];

/** `while (cond) body` */
function whileLoop(cond: number[], body: number[]): number[] {
  return [OP.block, BLOCK_VOID, OP.loop, BLOCK_VOID, ...cond, OP.i32_eqz, OP.br_if, 1, ...body, OP.br, 0, OP.end, OP.end];
}

/** Stores two accumulators as C's row at PC: whole when 8 columns remain, else lane by lane through TMP. */
function storeRow(v0: number, v1: number): number[] {
  return [
    ...get(J), ...i32c(8), OP.i32_add, ...get(N), OP.i32_le_s,
    OP.if, BLOCK_VOID,
    ...get(PC), ...get(v0), ...simd(V.store, 0, 0), ...get(PC), ...get(v1), ...simd(V.store, 0, 16),
    OP.else,
    ...get(TMP), ...get(v0), ...simd(V.store, 0, 0), ...get(TMP), ...get(v1), ...simd(V.store, 0, 16),
    ...i32c(0), ...set(T),
    ...whileLoop([...get(T), ...get(N), ...get(J), OP.i32_sub, OP.i32_lt_s], [
      ...get(PC), ...get(T), ...i32c(2), OP.i32_shl, OP.i32_add,
      ...get(TMP), ...get(T), ...i32c(2), OP.i32_shl, OP.i32_add, OP.f32_load, 2, 0,
      OP.f32_store, 2, 0,
      ...add(T, i32c(1)),
    ]),
    OP.end,
  ];
}

/** i8x16.shuffle joining the low halves of two vectors. */
const JOIN_LOW = simd(V.shuffle, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
const ZERO = simd(V.const, ...new Array<number>(16).fill(0));

/** acc += AV·b: one relaxed fused multiply-add when `fma`, else a multiply and an add. */
function madd(acc: number, b: number, fma: boolean): number[] {
  return fma
    ? [...get(AV), ...get(b), ...get(acc), ...simd(V.f32x4_relaxed_madd), ...set(acc)]
    : [...get(acc), ...get(AV), ...get(b), ...simd(V.f32x4_mul), ...simd(V.f32x4_add), ...set(acc)];
}

/**
 * The row loop for blocks of `R` rows (ROWS or 1), continuing from the current I. Products
 * accumulate in f32x4 over runs of `KBLOCK` steps of k, each run then added into f64x2 sums (so the
 * rounding error grows with KBLOCK, not with K), which are rounded to float32 once at the store.
 */
function rowBlocks(R: number, fma: boolean): number[] {
  const acc = (r: number, h: number) => ACC + 2 * r + h;
  const sum = (r: number, h: number, q: number) => SUM + 4 * r + 2 * h + q;
  const each = (f: (r: number, h: number) => number[]) => Array.from({ length: R }, (_, r) => [0, 1].flatMap((h) => f(r, h))).flat();
  return whileLoop([...get(I), ...i32c(R), OP.i32_add, ...get(M), OP.i32_le_s], [
    ...each((r, h) => [...ZERO, ...set(sum(r, h, 0)), ...ZERO, ...set(sum(r, h, 1))]),
    ...Array.from({ length: R }, (_, r) => [...get(A), ...get(I), ...i32c(r), OP.i32_add, ...get(LDA), OP.i32_mul, OP.i32_add, ...set(PA + r)]).flat(),
    ...get(PANEL), ...set(PB),
    ...i32c(0), ...set(KK),
    ...whileLoop([...get(KK), ...get(K), OP.i32_lt_s], [
      ...each((r, h) => [...ZERO, ...set(acc(r, h))]),
      ...get(KK), ...i32c(KBLOCK), OP.i32_add, ...set(KEND),
      ...get(KEND), ...get(K), ...get(KEND), ...get(K), OP.i32_lt_s, OP.select, ...set(KEND),
      ...whileLoop([...get(KK), ...get(KEND), OP.i32_lt_s], [
        ...get(PB), ...simd(V.load, 0, 0), ...set(B0),
        ...get(PB), ...simd(V.load, 0, 16), ...set(B1),
        ...Array.from({ length: R }, (_, r) => [
          ...get(PA + r), ...simd(V.load32_splat, 2, 0), ...set(AV),
          ...madd(acc(r, 0), B0, fma),
          ...madd(acc(r, 1), B1, fma),
          ...add(PA + r, get(LDK)),
        ]).flat(),
        ...add(PB, i32c(32)),
        ...add(KK, i32c(1)),
      ]),
      ...each((r, h) => [
        ...get(sum(r, h, 0)), ...get(acc(r, h)), ...simd(V.f64x2_promote), ...simd(V.f64x2_add), ...set(sum(r, h, 0)),
        ...get(sum(r, h, 1)), ...get(acc(r, h)), ...get(acc(r, h)), ...HIGH_TO_LOW, ...simd(V.f64x2_promote), ...simd(V.f64x2_add), ...set(sum(r, h, 1)),
      ]),
    ]),
    ...each((r, h) => [
      ...get(sum(r, h, 0)), ...simd(V.f32x4_demote), ...get(sum(r, h, 1)), ...simd(V.f32x4_demote), ...JOIN_LOW, ...set(acc(r, h)),
    ]),
    ...Array.from({ length: R }, (_, r) => [
      ...get(C), ...get(I), ...i32c(r), OP.i32_add, ...get(N), OP.i32_mul, ...get(J), OP.i32_add, ...i32c(2), OP.i32_shl, OP.i32_add, ...set(PC),
      ...storeRow(acc(r, 0), acc(r, 1)),
    ]).flat(),
    ...add(I, i32c(R)),
  ]);
}

function matmulModule(shared: boolean, fma: boolean): Uint8Array {
  const code = [
    ...i32c(0), ...set(J), ...get(BP), ...set(PANEL),
    ...whileLoop([...get(J), ...get(N), OP.i32_lt_s], [
      ...i32c(0), ...set(I),
      ...rowBlocks(ROWS, fma),
      ...rowBlocks(1, fma),
      ...add(J, i32c(8)),
      ...add(PANEL, [...get(K), ...i32c(32), OP.i32_mul]),
    ]),
  ];
  return kernelModule([], new Array<number>(9).fill(I32), { locals: [[ACC - J, I32], [SUM + 4 * ROWS - ACC, V128]], code }, [], shared);
}

/** Products (m·n·k) below which a matmul runs on one thread. */
const PARALLEL_MIN = 1 << 20;

/**
 * The float32 matmul over one wasm memory. With a worker pool, each thread computes a band of
 * rows (a multiple of the register block's) against the packed panels.
 */
export class WasmMatmul {
  private kernel: Compiled | null = null;

  /** `fma`: use `f32x4.relaxed_madd` (default: where the host compiles it). */
  constructor(
    private readonly mem: WasmMemory,
    private readonly compile: (bytes: Uint8Array) => Compiled,
    private readonly threads: () => WorkerPool | null,
    private readonly fma = relaxedMadd(),
  ) {}

  /** out[b] = A[b] @ B[b] for float32 buffers at byte addresses `a`, `b`, `out` (see `MatmulSpec`). */
  matmul(s: MatmulSpec, a: number, b: number, out: number): void {
    const { m, k, n } = s;
    const panels = Math.ceil(n / 8);
    const packedBytes = Math.max(8, panels * k * 32);
    const pool = m * n * k >= PARALLEL_MIN ? this.threads() : null;
    const bands = pool ? splitRange(m, pool.size, ROWS) : [[0, m] as const];
    const packed = this.mem.alloc(packedBytes);
    const tmp = this.mem.alloc(32 * bands.length);
    const kernel = (this.kernel ??= this.fma ? withRelaxedSimd(() => this.compile(matmulModule(this.mem.shared, true))) : this.compile(matmulModule(this.mem.shared, false)));
    // A whose k-stride is not 1 (a transposed view) is copied row-major first: the micro-kernel
    // then reads each of its rows sequentially instead of one cache line per k.
    const copyA = s.aStrides[1] !== 1 && m * k > 1;
    const aBytes = copyA ? m * k * 4 : 0;
    const aCopy = copyA ? this.mem.alloc(aBytes) : 0;
    const [lda, ldk] = copyA ? [k * 4, 4] : [s.aStrides[0] * 4, s.aStrides[1] * 4];
    let packedFrom = -1;
    forEachMatmulBatch(s, (bi, ao, bo) => {
      if (bo !== packedFrom) {
        this.pack(s, b, bo, packed);
        packedFrom = bo;
      }
      if (copyA) this.copyRows(s, a, ao, aCopy);
      const base = copyA ? aCopy : a + ao * 4;
      const rows = bands.map(([lo, hi], t) => [base + lo * lda, lda, ldk, packed, out + (bi * m + lo) * n * 4, hi - lo, n, k, tmp + 32 * t]);
      if (pool) pool.run(kernel.id, kernel.fn, rows);
      else kernel.fn(...rows[0]!);
    });
    this.mem.release(tmp, 32 * bands.length);
    this.mem.release(packed, packedBytes);
    if (copyA) this.mem.release(aCopy, aBytes);
  }

  /** Copies A (through its strides, from element offset `ao`) into a row-major m × k block at `dst`. */
  private copyRows(s: MatmulSpec, a: number, ao: number, dst: number): void {
    const { m, k } = s;
    const src = new Float32Array(this.mem.memory.buffer, a);
    const out = new Float32Array(this.mem.memory.buffer, dst, m * k);
    const [sm, sk] = s.aStrides;
    for (let i = 0; i < m; i++) for (let kk = 0; kk < k; kk++) out[i * k + kk] = src[ao + i * sm + kk * sk]!;
  }

  /** Copies B (through its strides, from element offset `bo`) into 8-column panels, zero-padded. */
  private pack(s: MatmulSpec, b: number, bo: number, packed: number): void {
    const { k, n } = s;
    const src = new Float32Array(this.mem.memory.buffer, b);
    const dst = new Float32Array(this.mem.memory.buffer, packed, Math.ceil(n / 8) * k * 8);
    const [sk, sn] = s.bStrides;
    let o = 0;
    for (let j = 0; j < n; j += 8) {
      const w = Math.min(8, n - j);
      for (let kk = 0; kk < k; kk++) {
        const row = bo + kk * sk + j * sn;
        for (let c = 0; c < w; c++) dst[o + c] = src[row + c * sn]!;
        for (let c = w; c < 8; c++) dst[o + c] = 0;
        o += 8;
      }
    }
  }
}
