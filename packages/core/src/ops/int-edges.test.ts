/**
 * Integer edge cases as PyTorch 1.13 gives them (values printed by Debian's python3-torch):
 * `F.pad(torch.tensor([1, 2]), (1, 1), value=1.5)` → tensor([1, 1, 2, 1]) (the value takes the
 * tensor's dtype), a bool tensor padded with 2.0 → True, and float → int64 casts of NaN, ±inf and
 * 3e19 → -9223372036854775808 (x86; undefined in C++), which used to throw when read.
 */
import { describe, expect, it } from 'vitest';
import { pad, tensor } from '../index.js';

describe('integer edges as PyTorch', () => {
  it('pad keeps an integer or bool dtype and converts the value to it', () => {
    const i = pad(tensor([1n, 2n]), [1], [1], 1.5);
    expect(i.dtype).toBe('int64');
    expect(i.tolist()).toEqual([1, 1, 2, 1]);
    const b = pad(tensor([true, false]), [1], [1], 2);
    expect(b.dtype).toBe('bool');
    expect(b.tolist()).toEqual([true, true, false, true]);
    expect(pad(tensor([0.5]), [1], [0], 1.5).tolist()).toEqual([1.5, 0.5]);
  });

  it('a float → int64 cast of NaN, ±inf or out-of-range values reads as INT64_MIN', () => {
    const t = tensor([NaN, Infinity, -Infinity, 3e19, -7.9], { dtype: 'float64' }).cast('int64');
    expect(Array.from(t.dataSync() as BigInt64Array)).toEqual([-(2n ** 63n), -(2n ** 63n), -(2n ** 63n), -(2n ** 63n), -7n]);
  });
});
