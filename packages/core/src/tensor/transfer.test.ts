import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/cpu/index.js';
import { registerBackend } from '../backend/registry.js';
import { tensor } from './create.js';
import { toNumpy } from './to-numpy.js';
import { toBackend } from './transfer.js';

registerBackend('cpu-second', () => new CpuBackend());

describe('toBackend', () => {
  it('copies values, dtype and requiresGrad to another backend; same backend is a no-op', () => {
    const x = tensor([[1.5, -2], [3, 4]], { requiresGrad: true });
    expect(toBackend(x, x.backend.name)).toBe(x);
    const y = toBackend(x, 'cpu-second');
    expect(y.backend.name).toBe('cpu');
    expect(y.backend).not.toBe(x.backend);
    expect(y.tolist()).toEqual([[1.5, -2], [3, 4]]);
    expect(y.requiresGrad).toBe(true);
    expect(y.isLeaf).toBe(true);
    const i = toBackend(tensor([7n, -1n]), 'cpu-second');
    expect(i.dtype).toBe('int64');
    expect(i.tolist()).toEqual([7, -1]);
  });
  it('gives the moved leaf its own gradient', () => {
    const y = toBackend(tensor([1, 2], { requiresGrad: true }), 'cpu-second');
    y.mul(y).sum().backward();
    expect(y.grad!.tolist()).toEqual([2, 4]);
  });
  it('refuses to move a recorded result, and names the fix', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(() => toBackend(x.mul(2), 'cpu-second')).toThrow('move the leaf tensors it came from, or detach() it first');
    expect(() => toBackend(x, 'nope')).toThrow("unknown backend 'nope'");
  });
});

describe('toNumpy', () => {
  it('copies value, shape and dtype into an np array that prints as NumPy', () => {
    const a = toNumpy(tensor([[1, 0, 2], [1, 2, 3]]));
    expect(a.shape).toEqual([2, 3]);
    expect(a.dtype).toBe('float32');
    expect(String(a)).toBe('[[1. 0. 2.]\n [1. 2. 3.]]');
    expect(String(toNumpy(tensor(1 / 30)))).toBe('0.033333335');
    expect(toNumpy(tensor([3n])).dtype).toBe('int64');
  });
});
