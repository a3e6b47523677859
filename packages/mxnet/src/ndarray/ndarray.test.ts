import { np } from '@rosetta/core';
import { describe, expect, it } from 'vitest';
import { autograd, nd } from '../index.js';

const vals = (a: { asnumpy(): { tolist(): unknown } }) => a.asnumpy().tolist();

describe('nd creation (MXNet 1.x dtypes)', () => {
  it('nd.array is float32 even from float64 input; an NDArray source keeps its dtype', () => {
    expect(nd.array(np.array([1.5, 2]).astype('float64')).dtype).toBe('float32');
    expect(nd.array([1, 2]).dtype).toBe('float32');
    expect(nd.array([1, 2], { dtype: 'int32' }).dtype).toBe('int32');
    expect(nd.array(nd.array([1], { dtype: 'float64' })).dtype).toBe('float64');
  });
  it('a scalar source and full reductions have shape (1,), as legacy MXNet', () => {
    expect(nd.array(1).shape).toEqual([1]);
    expect(nd.ones([2, 3]).sum().shape).toEqual([1]);
  });
  it('arange is float32 and supports repeat', () => {
    const a = nd.arange(-1, 1, 0.5);
    expect(a.dtype).toBe('float32');
    expect(vals(a)).toEqual([-1, -0.5, 0, 0.5]);
    expect(vals(nd.arange(3, { repeat: 2 }))).toEqual([0, 0, 1, 1, 2, 2]);
  });
  it('random.uniform takes keywords and stays in range', () => {
    const u = nd.random.uniform({ low: -2, high: -1, shape: [50] });
    expect(u.shape).toEqual([50]);
    expect((vals(u) as number[]).every((v) => v >= -2 && v < -1)).toBe(true);
  });
});

describe('NDArray printing', () => {
  it('prints the NumPy body, then <NDArray shape @cpu(0)>', () => {
    expect(String(nd.array([1.5]))).toBe('\n[1.5]\n<NDArray 1 @cpu(0)>');
    expect(String(nd.array([[1, 0, 2], [1, 2, 3]]))).toBe('\n[[1. 0. 2.]\n [1. 2. 3.]]\n<NDArray 2x3 @cpu(0)>');
  });
});

describe('autograd', () => {
  it('backward of a non-scalar differentiates its sum; grads are written, not accumulated', () => {
    const x = nd.array([1, 2, 3]);
    x.attach_grad();
    expect(vals(x.grad!)).toEqual([0, 0, 0]);
    for (let i = 0; i < 2; i++) {
      const y = autograd.record(() => x.mul(x).mul(2));
      y.backward();
    }
    expect(vals(x.grad!)).toEqual([4, 8, 12]);
  });
  it("grad_req='add' accumulates", () => {
    const x = nd.array([1, 2]);
    x.attach_grad('add');
    for (let i = 0; i < 2; i++) autograd.record(() => x.mul(3)).backward();
    expect(vals(x.grad!)).toEqual([6, 6]);
  });
  it('record / pause set is_recording and is_training', () => {
    expect(autograd.is_recording()).toBe(false);
    autograd.record(() => {
      expect(autograd.is_recording()).toBe(true);
      expect(autograd.is_training()).toBe(true);
      autograd.pause(() => expect(autograd.is_recording()).toBe(false));
    });
    expect(autograd.is_recording()).toBe(false);
  });
  it('backward of an array that needs no gradient says why', () => {
    expect(() => nd.ones([2]).backward()).toThrow(/attach_grad\(\) inside autograd.record\(\)/);
  });
});

describe('nd functions', () => {
  it('softmax, dot, pick, one_hot, concat', () => {
    const s = vals(nd.softmax(nd.array([[0, Math.log(3)]]))) as number[][];
    expect(s[0]![0]).toBeCloseTo(0.25, 6);
    expect(vals(nd.dot(nd.array([[1, 2]]), nd.array([[3], [4]])))).toEqual([[11]]);
    expect(vals(nd.dot(nd.array([[1, 2]]), nd.array([[3, 4]]), { transpose_b: true }))).toEqual([[11]]);
    expect(vals(nd.pick(nd.array([[1, 2], [3, 4]]), nd.array([1, 0])))).toEqual([2, 3]);
    expect(vals(nd.one_hot(nd.array([1, 0]), 3))).toEqual([[0, 1, 0], [1, 0, 0]]);
    expect(vals(nd.concat(nd.ones([1, 2]), nd.zeros([1, 1])))).toEqual([[1, 1, 0]]);
    expect(vals(nd.stack(nd.ones([2]), nd.zeros([2]), { axis: 1 }))).toEqual([[1, 0], [1, 0]]);
  });
});

describe('indexing', () => {
  it('x[:, 1] → x.index(":", 1); x[i] → x.at(i); an index array gathers', () => {
    const x = nd.array([[1, 2], [3, 4], [5, 6]]);
    expect(vals(x.index(':', 1))).toEqual([2, 4, 6]);
    expect(vals(x.at(-1))).toEqual([5, 6]);
    expect(vals(x.index(nd.array([2, 0])))).toEqual([[5, 6], [1, 2]]);
  });
});
