/**
 * A float32 kernel's elements do not depend on their position: the elements after the last
 * four-wide f32x4 step (the tail) are computed in the same lane arithmetic, so equal inputs give
 * equal bits everywhere (the scalar tail used to round float32 ops once, in float64, and take
 * exp/expm1/log/log1p/tanh from the float64 vector math: 1-ulp differences, and max/min gradients
 * that missed ties). Compared with the f32x4 lanes' own results for the same value.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { registerBackend, withBackend } from '../registry.js';
import * as core from '../../index.js';
import { WasmBackend } from './index.js';

beforeAll(() => registerBackend('wasm-lanes', () => new WasmBackend()));

const onWasm = <T>(f: () => T): T => withBackend('wasm-lanes', f);
const V = 0.19999998807907104;
/** n copies of V in a float32 buffer (loaded by the kernel, not a constant it could hoist). */
const filled = (n: number): core.Tensor => core.tensor(new Float32Array(n).fill(V));

/** Each op over 7 equal float32 inputs (4 in lanes, 3 in the tail) and over 8 (lanes only). */
const OPS: [string, (x: core.Tensor) => core.Tensor][] = [
  ['expm1', (x) => x.expm1()],
  ['exp', (x) => x.exp()],
  ['log1p', (x) => x.log1p()],
  ['log', (x) => x.log()],
  ['tanh', (x) => x.tanh()],
  ['sigmoid', (x) => x.sigmoid()],
  ['x·3 + 1 / x', (x) => x.mul(3).add(x.reciprocal())],
  ['softplus', (x) => x.mul(-7).softplus()],
];

describe('wasm f32x4 kernels: the tail computes as the lanes do', () => {
  it.each(OPS)('%s: every element of a 7-element kernel equals the lanes’ value', (_, f) => {
    const [seven, eight] = onWasm(() => [f(filled(7)).dataSync() as Float32Array, f(filled(8)).dataSync() as Float32Array]);
    expect(new Set(Array.from(seven)).size).toBe(1);
    expect(seven[6]).toBe(eight[0]);
  });

  it('a sum over a tail adds the lane-rounded values', () => {
    const [sum7, one] = onWasm(() => [filled(7).expm1().sum().item(), (filled(8).expm1().dataSync() as Float32Array)[0]!]);
    // Seven equal float32 values sum exactly in float64, then round once to float32.
    expect(sum7).toBe(Math.fround(7 * one));
  });

  it('max/min gradients of a computed float32 tensor split ties evenly (PyTorch), tail included', () => {
    const grad = onWasm(() => {
      const x = core.full([2, 3], V, { requiresGrad: true });
      x.expm1().max(1).sum().backward();
      return x.grad!.tolist() as number[][];
    });
    const share = Math.fround(Math.exp(Math.fround(V))) / 3;
    grad.flat().forEach((g) => expect(g).toBeCloseTo(share, 6));
  });
});
