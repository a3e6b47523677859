import { describe, expect, it } from 'vitest';
import { np } from './index.js';

describe('np.array and NDArray', () => {
  it('infers dtypes as NumPy: whole numbers int64, fractions float64, booleans bool', () => {
    expect(np.array([[1, 2, 3], [2, 3, 4]]).dtype).toBe('int64');
    expect(np.array([0.1, 0.2]).dtype).toBe('float64');
    expect(np.array([true, false]).dtype).toBe('bool');
    expect(np.array([true, 2]).dtype).toBe('int64');
    expect(np.array(new Float32Array([1, 2])).dtype).toBe('float32');
    expect(np.array([1, 2], np.float32).dtype).toBe('float32');
    expect(np.array([1, 2], { dtype: np.int32 }).dtype).toBe('int32');
  });

  it('stores int64 in a BigInt64Array and bool in a Uint8Array', () => {
    expect(np.array([1, 2]).data).toBeInstanceOf(BigInt64Array);
    expect(np.array([true]).data).toBeInstanceOf(Uint8Array);
    expect(np.array([1.5]).data).toBeInstanceOf(Float64Array);
  });

  it('shape, size, ndim, length', () => {
    const a = np.array([[1, 2, 3], [4, 5, 6]]);
    expect(a.shape).toEqual([2, 3]);
    expect(a.size).toBe(6);
    expect(a.ndim).toBe(2);
    expect(a.length).toBe(2);
    expect(np.array(3.5).shape).toEqual([]);
  });

  it('astype(np.float32) rounds to float32, like the tutorial inputs', () => {
    const a = np.array([0.1, 0.2, 0.3]).astype(np.float32);
    expect(a.dtype).toBe('float32');
    expect(a.data).toBeInstanceOf(Float32Array);
    expect(Array.from(a.data as Float32Array)).toEqual([Math.fround(0.1), Math.fround(0.2), Math.fround(0.3)]);
    expect(String(a)).toBe('[0.1 0.2 0.3]');
  });

  it('astype casts like C: truncation toward zero, bool is x != 0', () => {
    expect(np.array([[1.5, 2], [3, 4]]).astype(np.int32).tolist()).toEqual([[1, 2], [3, 4]]);
    expect(String(np.array([-1.7, 2.9]).astype(np.int64))).toBe('[-1  2]');
    expect(np.array([NaN, 0, 2]).astype(np.bool_).tolist()).toEqual([true, false, true]);
    expect(np.array([1, 2]).astype(np.int32).astype(np.int64).tolist()).toEqual([1, 2]);
  });

  it('reshape accepts varargs, a list and -1', () => {
    const a = np.arange(6);
    expect(a.reshape(2, 3).tolist()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(a.reshape([3, 2]).shape).toEqual([3, 2]);
    expect(a.reshape(-1, 2).shape).toEqual([3, 2]);
    expect(String(np.array([[1, 2], [3, 4]]).reshape(4, 1))).toBe('[[1]\n [2]\n [3]\n [4]]');
    expect(np.reshape(a, [6]).shape).toEqual([6]);
    expect(() => a.reshape(4, 2)).toThrow(/cannot reshape array of size 6 into shape \(4, 2\)/);
    expect(() => a.reshape(-1, -1)).toThrow(/one unknown dimension/);
  });

  it('tolist, item and number coercion', () => {
    expect(np.array([[1.5, 2.5]]).tolist()).toEqual([[1.5, 2.5]]);
    expect(np.array(2.5).tolist()).toBe(2.5);
    expect(np.array([7]).item()).toBe(7);
    expect(+np.array([[4.5]])).toBe(4.5);
    expect(() => np.array([1, 2]).item()).toThrow(/size 1/);
  });

  it('rejects ragged nested input and mismatched storage', () => {
    expect(() => np.array([[1, 2], [3]])).toThrow(/inhomogeneous shape/);
    expect(() => new np.NDArray(new Float64Array(3), [2, 2], 'float64')).toThrow(/needs 4 elements/);
    expect(() => new np.NDArray(new Float64Array(2), [2], 'float32')).toThrow(/Float32Array/);
    expect(() => np.array([1], 'float16' as never)).toThrow(/dtype must be one of/);
  });

  it('asarray returns the same array when no conversion is needed', () => {
    const a = np.array([1.5]);
    expect(np.asarray(a)).toBe(a);
    expect(np.asarray(a, np.float32)).not.toBe(a);
  });

  it('nested NDArrays stack', () => {
    const r = np.array([np.array([1, 2], np.float32), np.array([3, 4], np.float32)]);
    expect(r.dtype).toBe('float32');
    expect(r.shape).toEqual([2, 2]);
  });

  it('dtype constants and math constants', () => {
    expect([np.float32, np.float64, np.int32, np.int64, np.bool_]).toEqual(['float32', 'float64', 'int32', 'int64', 'bool']);
    expect(np.pi).toBe(Math.PI);
    expect(np.e).toBe(Math.E);
  });
});
