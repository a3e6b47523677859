import { beforeEach, describe, expect, it } from 'vitest';
import * as core from '../../index.js';
import type { DType } from '../../dtype.js';
import { registerBackend, withBackend } from '../registry.js';
import { WasmBackend, type WasmBuffer } from './index.js';

/**
 * Issue 13, defect 6: a float32 matmul whose left operand is a transposed view with odd m·k took a
 * block of m·k·4 bytes, and every later float64/int64 buffer threw `RangeError: start offset of
 * Float64Array should be a multiple of 8`. Here each kind of kernel (with odd sizes) is followed by
 * buffers of every dtype in sequence; each is checked against values computed in plain JS, and each
 * block of wasm memory must start on 16 bytes.
 */
// A fresh backend (and memory) for each case.
beforeEach(() => registerBackend('wasm-align', () => new WasmBackend()));

const DTYPES: DType[] = ['float32', 'float64', 'int32', 'int64', 'bool'];
/** Odd element counts past the 1 KiB host-buffer limit for every dtype (bool is 1 byte). */
const N = 1031;

/** Values exact in every dtype: small integers (bool: 0/1). */
const values = (dtype: DType, n: number, salt: number): number[] =>
  Array.from({ length: n }, (_, i) => (dtype === 'bool' ? (i + salt) % 3 === 0 ? 1 : 0 : ((i * 7 + salt) % 23) - 11));

const flat = (t: core.Tensor): number[] => Array.from(t.dataSync() as ArrayLike<number | bigint>, Number);

function expectAligned(t: core.Tensor): void {
  const buf = t.lazy.buf as WasmBuffer | null;
  expect(buf, 'realized').not.toBeNull();
  if (buf!.host === null) expect(buf!.addr % 16, `${t.dtype} block at ${buf!.addr}`).toBe(0);
}

/** A buffer of each dtype (uploaded, then a kernel's output and a cast), checked and aligned. */
function everyDtype(salt: number): void {
  for (const dtype of DTYPES) {
    const v = values(dtype, N, salt);
    const up = core.tensor(v, { dtype });
    expectAligned(up);
    expect(flat(up)).toEqual(v);
    if (dtype === 'bool') {
      const not = core.logicalNot(up);
      expect(flat(not)).toEqual(v.map((x) => (x ? 0 : 1)));
      expectAligned(not);
    } else {
      const twice = up.mul(2).add(1);
      expect(flat(twice)).toEqual(v.map((x) => 2 * x + 1));
      expectAligned(twice);
    }
    const asF64 = up.cast('float64');
    expect(flat(asF64)).toEqual(v);
    expectAligned(asF64);
  }
}

/** Each kind of kernel, in float32 with odd sizes, with a check of its result in plain JS. */
const KERNELS: [string, () => void][] = [
  ['elementwise', () => {
    const x = core.tensor(values('float32', 333, 1));
    expect(flat(x.mul(3).sub(1))).toEqual(values('float32', 333, 1).map((v) => 3 * v - 1));
  }],
  ['reduction', () => {
    const x = core.tensor(values('float32', 7 * 333, 2)).reshape([7, 333]);
    const want = Array.from({ length: 333 }, (_, j) => values('float32', 7 * 333, 2).filter((_, i) => i % 333 === j).reduce((a, b) => a + b, 0));
    expect(flat(x.sum(0))).toEqual(want);
  }],
  ['matmul with a transposed left operand of odd m·k (the defect)', () => {
    const [m, k, n] = [33, 3, 64];
    const at = values('float32', k * m, 3);
    const b = values('float32', k * n, 4);
    const got = flat(core.tensor(at).reshape([k, m]).transpose(0, 1).matmul(core.tensor(b).reshape([k, n])));
    const want = Array.from({ length: m * n }, (_, ij) => {
      const [i, j] = [Math.floor(ij / n), ij % n];
      let s = 0;
      for (let p = 0; p < k; p++) s += at[p * m + i]! * b[p * n + j]!;
      return s;
    });
    expect(got).toEqual(want);
  }],
  ['batched matmul with odd sizes and a transposed right operand', () => {
    const a = core.tensor(values('float32', 3 * 5 * 7, 5)).reshape([3, 5, 7]);
    const b = core.tensor(values('float32', 3 * 9 * 7, 6)).reshape([3, 9, 7]);
    const got = flat(a.matmul(b.transpose(1, 2)));
    const av = values('float32', 105, 5);
    const bv = values('float32', 189, 6);
    const want = Array.from({ length: 3 * 5 * 9 }, (_, x) => {
      const [bi, i, j] = [Math.floor(x / 45), Math.floor(x / 9) % 5, x % 9];
      let s = 0;
      for (let p = 0; p < 7; p++) s += av[bi * 35 + i * 7 + p]! * bv[bi * 63 + j * 7 + p]!;
      return s;
    });
    expect(got).toEqual(want);
  }],
  ['gather and scatterAdd', () => {
    const src = values('float32', 3 * 301, 7);
    const idx = Array.from({ length: 3 * 301 }, (_, i) => (i * 5) % 3);
    const x = core.tensor(src).reshape([3, 301]);
    const index = core.tensor(idx, { dtype: 'int64' }).reshape([3, 301]);
    expect(flat(x.gather(0, index))).toEqual(idx.map((r, i) => src[r * 301 + (i % 301)]!));
    const want = new Array<number>(3 * 301).fill(0);
    idx.forEach((r, i) => (want[r * 301 + (i % 301)]! += src[i]!));
    expect(flat(core.zeros([3, 301]).scatterAdd(0, index, x))).toEqual(want);
  }],
  ['casts to every dtype', () => {
    const v = values('float32', 333, 8);
    for (const dtype of DTYPES) expect(flat(core.tensor(v).cast(dtype))).toEqual(dtype === 'bool' ? v.map((x) => (x ? 1 : 0)) : v);
  }],
];

describe('wasm memory alignment (issue 13, defect 6)', () => {
  it.each(KERNELS)('buffers of every dtype after %s', (_, kernel) => {
    withBackend('wasm-align', () => {
      everyDtype(0);
      kernel();
      everyDtype(1);
      expect((core.getBackend() as WasmBackend).mem.reserved % 16).toBe(0);
    });
  });

  it('every kind of kernel in one sequence, then every dtype', () => {
    withBackend('wasm-align', () => {
      KERNELS.forEach(([, kernel], i) => {
        kernel();
        everyDtype(i);
      });
    });
  });
});
