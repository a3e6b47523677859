/**
 * Checks shared by the loss tests in packages/core/src/nn/losses: values in float64 and float32
 * against a host reference, every reduction, gradchecks, and running a suite on one backend.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { getBackend, setBackend } from '../backend/registry.js';
import type { DType } from '../dtype.js';
import { tensor } from '../tensor/create.js';
import type { Tensor } from '../tensor/tensor.js';
import { gradcheck } from './gradcheck.js';
import { expectClose, host, reduceRef, type Host } from './reference.js';

export const T = (d: ArrayLike<number>, shape: number[], dtype: DType = 'float64'): Tensor => tensor(Float64Array.from(d), { dtype, shape });
export const f32 = (xs: ArrayLike<number>): number[] => Array.from(xs, Math.fround);
export function checkBoth(make: (dtype: DType) => Tensor, expected: Host): void {
  expectClose(make('float64'), expected, { rtol: 1e-10, atol: 1e-12 });
  const y = make('float32');
  expect(y.dtype).toBe('float32');
  expectClose(y, expected, { rtol: 1e-5, atol: 1e-6 });
}
export const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
export const sum = (v: number[]): number => v.reduce((a, b) => a + b, 0);
export function checkGrad(fn: (...xs: Tensor[]) => Tensor, xs: Tensor[], wrt?: number[]): void {
  const rep = gradcheck(fn, xs, wrt ? { wrt } : {});
  expect(rep.ok, rep.message).toBe(true);
}
/** Every reduction of an elementwise reference `ref` (shape [N, ...]). */
export function checkReductions(make: (dtype: DType, reduction: 'none' | 'sum' | 'mean' | { batchAxis: number }) => Tensor, ref: Host): void {
  checkBoth((dt) => make(dt, 'none'), ref);
  const rest = ref.shape.map((_, i) => i).slice(1);
  checkBoth((dt) => make(dt, { batchAxis: 0 }), rest.length ? reduceRef(ref, rest, false, mean) : ref);
  checkBoth((dt) => make(dt, 'sum'), host([sum(Array.from(ref.data))], []));
  checkBoth((dt) => make(dt, 'mean'), host([mean(Array.from(ref.data))], []));
}
export function useBackend(backend: string): void {
  let previous: string;
  beforeAll(() => {
    previous = getBackend().name;
    setBackend(backend);
  });
  afterAll(() => setBackend(previous));
}
