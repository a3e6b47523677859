import { describe, expect, it } from 'vitest';
import { np } from './index.js';

// Expected values are NumPy's for the same calls.
describe('array constructors', () => {
  it('zeros / ones / full and the *_like variants', () => {
    expect(String(np.zeros(3))).toBe('[0. 0. 0.]');
    expect(np.ones([2, 2], np.int32).tolist()).toEqual([[1, 1], [1, 1]]);
    expect(String(np.full([2], 7))).toBe('[7 7]');
    expect(String(np.full([2], 0.5, np.float32))).toBe('[0.5 0.5]');
    const a = np.array([[1.5, 2]], np.float32);
    expect(np.zeros_like(a).dtype).toBe('float32');
    expect(np.ones_like(a).tolist()).toEqual([[1, 1]]);
    expect(np.full_like(a, 3).tolist()).toEqual([[3, 3]]);
    expect(() => np.zeros([-1])).toThrow(/negative/);
  });

  it('arange fills start + i*delta like NumPy', () => {
    expect(np.arange(0.1, 1, 0.1).tolist()).toEqual([0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6, 0.7000000000000001, 0.8, 0.9]);
    expect(np.arange(1, 10, 3).tolist()).toEqual([1, 4, 7]);
    expect(np.arange(5, 0, -2).tolist()).toEqual([5, 3, 1]);
    expect(np.arange(5).dtype).toBe('int64');
    expect(np.arange(0, 1, 0.1, np.float32).tolist()).toEqual([0.0, 0.10000000149011612, 0.20000000298023224, 0.30000001192092896, 0.4000000059604645, 0.5, 0.6000000238418579, 0.699999988079071, 0.800000011920929, 0.9000000357627869]);
    expect(String(np.arange(0, 1, 0.25))).toBe('[0.   0.25 0.5  0.75]');
  });

  it('linspace', () => {
    expect(np.linspace(0, 1, 5).tolist()).toEqual([0.0, 0.25, 0.5, 0.75, 1.0]);
    expect(String(np.linspace(0, 1, 5))).toBe('[0.   0.25 0.5  0.75 1.  ]');
    expect(np.linspace(-1, 1, 4, { endpoint: false }).tolist()).toEqual([-1.0, -0.5, 0.0, 0.5]);
    expect(np.linspace(0, 10, { num: 4, dtype: np.int64 }).tolist()).toEqual([0, 3, 6, 10]);
    expect(np.linspace(2, 3, 1).tolist()).toEqual([2.0]);
    expect(np.linspace(0.1, 0.9, 7).tolist()).toEqual([0.1, 0.23333333333333334, 0.3666666666666667, 0.5, 0.6333333333333333, 0.7666666666666666, 0.9]);
  });

  it('eye', () => {
    expect(String(np.eye(2))).toBe('[[1. 0.]\n [0. 1.]]');
    expect(np.eye(2, 3, 1).tolist()).toEqual([[0, 1, 0], [0, 0, 1]]);
  });
});
