import { describe, expect, it } from 'vitest';
import { np } from './index.js';

// Expected values and dtypes are NumPy's for the same expressions.
describe('elementwise ufuncs', () => {
  it('broadcast a row across a matrix, keeping float32', () => {
    const a = np.array([[1, 2, 3], [2, 3, 4]]).astype(np.float32);
    const r = np.add(a, np.array([10, 20, 30], np.float32));
    expect(r.dtype).toBe('float32');
    expect(String(r)).toBe('[[11. 22. 33.]\n [12. 23. 34.]]');
    expect(String(np.maximum(np.array([1, 5]), np.array([[3], [4]])))).toBe('[[3 5]\n [4 5]]');
  });

  it('dtype promotion follows NumPy (NEP 50 for scalars)', () => {
    expect(String(np.divide(np.array([1, 2, 3]), 2))).toBe('[0.5 1.  1.5]');
    const i32 = np.multiply(np.array([1, 2, 3], np.int32), 2);
    expect(i32.dtype).toBe('int32');
    expect(String(i32)).toBe('[2 4 6]');
    // A Python float is first converted to float32: float32(0.1) + float32(0.1).
    expect(np.add(np.array([0.1, 0.2], np.float32), 0.1).tolist()).toEqual([0.20000000298023224, 0.30000001192092896]);
    const mixed = np.add(np.array([1, 2], np.int32), np.array([0.5], np.float32));
    expect(mixed.dtype).toBe('float64');
    expect(mixed.tolist()).toEqual([1.5, 2.5]);
    expect(np.multiply(np.array([1, 2], np.int32), np.array([3], np.int64)).dtype).toBe('int64');
    expect(String(np.add(np.array([true, false]), np.array([true, true])))).toBe('[ True  True]');
  });

  it('the tutorial MAE residue prints as float32', () => {
    const d = np.abs(np.subtract(np.array([0.1, 0.2, 0.3]).astype(np.float32), np.array([0.1, 0.2, 0.2]).astype(np.float32)));
    expect(String(d)).toBe('[0.         0.         0.10000001]');
  });

  it('power, with C wrap-around for integers', () => {
    expect(np.power(np.array([1.5, 2.5]), 2).tolist()).toEqual([2.25, 6.25]);
    expect(np.power(np.array([2, 3]), 3).tolist()).toEqual([8, 27]);
    expect(np.power(np.array([2], np.int32), 31).tolist()).toEqual([-2147483648]);
    expect(() => np.power(np.array([2]), -1)).toThrow(/negative integer powers/);
  });

  it('unary functions', () => {
    expect(String(np.sqrt(np.array([4, 2])))).toBe('[2.         1.41421356]');
    expect(String(np.log(np.array([1.0, Math.E])))).toBe('[0. 1.]');
    expect(String(np.square(np.array([-2, 3])))).toBe('[4 9]');
    expect(np.exp(np.array([0, 1])).tolist()).toEqual([1, Math.E]);
    expect(np.abs(np.array([-1.5, 2], np.float32)).dtype).toBe('float32');
    expect(np.exp(0)).toBe(1);
    expect(np.sqrt(np.array([4], np.int32)).dtype).toBe('float64');
  });

  it('scalars in, number out', () => {
    expect(np.add(1, 2)).toBe(3);
    expect(np.divide(1, 4)).toBe(0.25);
  });

  it('errors as NumPy words them', () => {
    expect(() => np.add(np.zeros([2, 3]), np.zeros([4]))).toThrow('operands could not be broadcast together with shapes (2,3) (4,)');
    expect(() => np.subtract(np.array([true]), np.array([false]))).toThrow(/boolean subtract/);
  });
});
