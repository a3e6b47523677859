/**
 * int32 results outside int32's range wrap modulo 2^32 on every backend, as PyTorch's int32
 * arithmetic does (fixtures/int32.json, written by fixtures/gen_int32.py with PyTorch 1.13). The wasm
 * backend used to saturate them (found by the cross-backend fuzz suite): 2147483647 + 1 gave
 * 2147483647 on wasm and -2147483648 on cpu and in PyTorch. Contiguous inputs of 7 elements run
 * the wasm kernels' f64x2 lanes and their scalar tail; transposed ones the scalar loop.
 */
import { describe, expect, it } from 'vitest';
import { listBackends, withBackend } from '../registry.js';
import * as core from '../../index.js';
import { readFixture } from '../../test-utils/fixture.js';

interface Int32Fixture {
  x: number[];
  ops: Record<string, number[]>;
  int64: number[];
  'int64 to int32': number[];
  float64: number[];
  'float64 to int32': number[];
}
const torch = readFixture<Int32Fixture>(new URL('./fixtures/int32.json', import.meta.url));

const OPS: Record<string, (x: core.Tensor) => core.Tensor> = {
  'x + 1': (x) => x.add(1),
  'x - 1': (x) => x.sub(1),
  'x * 65536': (x) => x.mul(65536),
  'x + x': (x) => x.add(x),
  '-x': (x) => x.neg(),
  'abs(x)': (x) => x.abs(),
  'x - 2147483647': (x) => x.sub(2147483647),
};

/** The values as a contiguous tensor, or read with stride 2 from every other element (the scalar loop). */
function layouts(values: number[], dtype: core.DType): [string, () => core.Tensor][] {
  return [
    ['contiguous', () => core.tensor(values, { dtype })],
    ['strided', () => core.tensor(values.flatMap((v) => [v, 0]), { dtype }).slice([[0, null, 2]])],
  ];
}

describe.each(listBackends())('int32 wraps on the %s backend', (backend) => {
  for (const [name, op] of Object.entries(OPS)) {
    it.each(layouts(torch.x, 'int32'))(`${name} equals PyTorch (%s)`, (_layout, make) => {
      withBackend(backend, () => {
        const y = op(make());
        expect(y.dtype).toBe('int32');
        expect(y.tolist()).toEqual(torch.ops[name]);
      });
    });
  }

  it.each(layouts(torch.int64, 'int64'))('int64 → int32 keeps the low 32 bits, as PyTorch (%s)', (_layout, make) => {
    withBackend(backend, () => expect(make().cast('int32').tolist()).toEqual(torch['int64 to int32']));
  });

  it.each(layouts(torch.float64, 'float64'))('float64 → int32 truncates toward zero, as PyTorch (%s)', (_layout, make) => {
    withBackend(backend, () => expect(make().cast('int32').tolist()).toEqual(torch['float64 to int32']));
  });

  // NOTE: PyTorch's float → int32 conversion of NaN, ±inf and values beyond int32 is undefined in C++
  // (x86 gives -2147483648); every backend takes JavaScript's ToInt32 (NaN and ±inf → 0, others modulo 2^32),
  // for doubles of any size (an int32 product fused into a kernel can reach 2^93 before it is stored).
  const wide = [NaN, Infinity, -Infinity, 3e9, -3e9, 2 ** 32 + 1.5, -(2 ** 40) - 7, 1e30, -1e30, 2 ** 84 + 2 ** 32, -(2 ** 84) - 2 ** 32, 1.5e19, -(2 ** 63) - 3 * 2 ** 20];
  it.each(layouts(wide, 'float64'))('float64 → int32 of NaN, ±inf and out-of-range values is ToInt32 (%s)', (_layout, make) => {
    withBackend(backend, () => expect(make().cast('int32').tolist()).toEqual(wide.map((v) => v | 0)));
  });
});
