import { describe, expect, it } from 'vitest';
import { np } from './index.js';

// Expected values are NumPy's for the same calls (float32 sums accumulate in float32, pairwise).
describe('reductions', () => {
  it('whole-array reductions return numbers', () => {
    const x = np.array([[1, 2], [3, 4]], np.float32);
    expect(np.mean(x)).toBe(2.5);
    expect(np.sum(x)).toBe(10);
    expect(np.max(x)).toBe(4);
    expect(np.min(x)).toBe(1);
    expect(np.sum(np.array([true, true, false]))).toBe(2);
    expect(np.mean(np.array([1, 2, 4]))).toBe(2.3333333333333335);
    expect(np.max(np.array([1, NaN]))).toBeNaN();
  });

  it('float32 mean of the tutorial residue is float32 0.033333335', () => {
    const d = np.abs(np.subtract(np.array([0.1, 0.2, 0.3]).astype(np.float32), np.array([0.1, 0.2, 0.2]).astype(np.float32)));
    expect(np.mean(d)).toBe(0.03333333507180214);
    expect(String(np.mean(d, { keepdims: true }))).toBe('[0.03333334]');
  });

  it('axis reductions return arrays', () => {
    const x = np.array([[1, 2], [3, 4]], np.float32);
    expect(np.sum(x, 0).tolist()).toEqual([4, 6]);
    expect(np.sum(x, 0).dtype).toBe('float32');
    expect(np.mean(x, 1, true).shape).toEqual([2, 1]);
    expect(np.max(x, { axis: 1 }).tolist()).toEqual([2, 4]);
    expect(String(np.mean(np.array([[1, 2], [3, 4]]), 0))).toBe('[2. 3.]');
    expect(String(np.sum(np.array([[1, 2], [3, 4]]), -1))).toBe('[3 7]');
  });

  it('pairwise float32 summation gives NumPy\'s rounding', () => {
    // NumPy: np.sum(np.full(1000, 0.1, np.float32)) == np.float32(100.000015); naive accumulation gives 99.99905.
    const x = np.full([1000], 0.1, np.float32);
    expect(np.sum(x)).toBe(100.00001525878906);
  });

  it('rejects bad axes and empty max', () => {
    expect(() => np.sum(np.zeros([2]), 1)).toThrow(/axis 1 is out of bounds for array of dimension 1/);
    expect(() => np.max(np.zeros([0]))).toThrow(/zero-size array/);
  });
});
