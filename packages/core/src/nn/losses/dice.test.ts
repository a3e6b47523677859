import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, f32, checkBoth, mean, sum, checkGrad, checkReductions, useBackend } from '../../test-utils/loss-checks.js';
import { diceLoss, multiClassDiceLoss } from './dice.js';


const diceRef = (p: number[], q: number[], smooth = 1e-5): number => {
  let inter = 0;
  let uni = 0;
  p.forEach((v, i) => {
    inter += v * q[i]!;
    uni += v * v + q[i]! * q[i]!;
  });
  return 1 - (2 * inter) / (uni + smooth);
};
/** Channel i of a row-major [N, C, M] array. */
const channel = (x: number[], N: number, C: number, M: number, i: number): number[] =>
  Array.from({ length: N * M }, (_, k) => x[Math.floor(k / M) * C * M + i * M + (k % M)]!);
/** softmax over the last axis of rows of length m. */
const softmaxLast = (x: number[], m: number): number[] =>
  x.map((_, k) => {
    const s = Math.floor(k / m) * m;
    const row = x.slice(s, s + m);
    const mx = Math.max(...row);
    return Math.exp(x[k]! - mx) / row.reduce((a, v) => a + Math.exp(v - mx), 0);
  });

describe.each(listBackends())('diceLoss and multiClassDiceLoss on the %s backend', (backend) => {
  useBackend(backend);
  const r = new Rng(101);

  it("MindSpore's documented examples: DiceLoss 0.38596618, MultiClassDiceLoss 0.54958105", () => {
    expectClose(diceLoss(tensor([[0.2, 0.5], [0.3, 0.1], [0.9, 0.6]]), tensor([[0, 1], [1, 0], [0, 1]])), [0.38596618], { rtol: 1e-6 });
    expectClose(
      multiClassDiceLoss(tensor([[0.2, 0.5, 0.7], [0.3, 0.1, 0.5], [0.9, 0.6, 0.3]]), tensor([[0, 1, 0], [1, 0, 0], [0, 0, 1]])),
      [0.54958105],
      { rtol: 1e-6 },
    );
  });

  const p = f32(r.uniforms(24));
  const q = f32(Array.from({ length: 24 }, () => r.int(2)));
  it('diceLoss: flattens everything, smooth option, float64 and float32', () => {
    for (const smooth of [1e-5, 0.5]) {
      checkBoth((dt) => diceLoss(T(p, [2, 3, 4], dt), T(q, [2, 3, 4], dt), { smooth }), host([diceRef(p, q, smooth)], []));
      checkBoth((dt) => diceLoss(T(p, [2, 3, 4], dt), T(q, [2, 3, 4], dt), { smooth, reduction: 'sum' }), host([diceRef(p, q, smooth)], []));
    }
    checkGrad((a, b) => diceLoss(a!, b!), [T(p, [2, 3, 4]), T(q, [2, 3, 4])]);
  });

  it('multiClassDiceLoss: activations (softmax over the last axis), ignoreIndex, weights', () => {
    const N = 2;
    const C = 3;
    const M = 4;
    const x = f32(r.normals(N * C * M));
    const perChannel = (act: number[], skip: number | null, w?: (i: number) => number[]): number[] => {
      const out = new Array<number>(w ? w(0).length : 1).fill(0);
      for (let i = 0; i < C; i++) {
        if (i === skip) continue;
        const d = diceRef(channel(act, N, C, M, i), channel(q, N, C, M, i));
        out.forEach((_, k) => (out[k]! += d * (w ? w(i)[k]! : 1)));
      }
      return out.map((v) => v / C);
    };
    const sm = softmaxLast(x, M);
    checkBoth((dt) => multiClassDiceLoss(T(x, [N, C, M], dt), T(q, [N, C, M], dt)), host(perChannel(sm, null), []));
    checkBoth((dt) => multiClassDiceLoss(T(x, [N, C, M], dt), T(q, [N, C, M], dt), { ignoreIndex: 1 }), host(perChannel(sm, 1), []));
    const sg = x.map((v) => 1 / (1 + Math.exp(-v)));
    checkBoth((dt) => multiClassDiceLoss(T(x, [N, C, M], dt), T(q, [N, C, M], dt), { activation: 'sigmoid' }), host(perChannel(sg, null), []));
    checkBoth((dt) => multiClassDiceLoss(T(x, [N, C, M], dt), T(q, [N, C, M], dt), { activation: 'tanh' }), host(perChannel(x.map(Math.tanh), null), []));
    checkBoth((dt) => multiClassDiceLoss(T(x, [N, C, M], dt), T(q, [N, C, M], dt), { activation: 'relu6' }), host(perChannel(x.map((v) => Math.min(Math.max(v, 0), 6)), null), []));
    checkBoth((dt) => multiClassDiceLoss(T(x, [N, C, M], dt), T(q, [N, C, M], dt), { activation: null }), host(perChannel(x, null), []));
    const w = f32(r.uniforms(C * 2, 0.5, 2));
    checkBoth(
      (dt) => multiClassDiceLoss(T(x, [N, C, M], dt), T(q, [N, C, M], dt), { weights: T(w, [C, 2], dt) }),
      host(perChannel(sm, null, (i) => w.slice(2 * i, 2 * i + 2)), [2]),
    );
  });

  it('gradcheck w.r.t. pred, label and weights', () => {
    const x = r.normals(12);
    checkGrad((a, b) => multiClassDiceLoss(a!, b!), [T(x, [2, 3, 2]), T(q.slice(0, 12), [2, 3, 2])]);
    checkGrad((a, b, c) => multiClassDiceLoss(a!, b!, { weights: c!, activation: 'sigmoid', ignoreIndex: 0 }), [T(x, [4, 3]), T(q.slice(0, 12), [4, 3]), T([1, 2, 3, 4, 5, 6], [3, 2])]);
  });

  it('bad inputs are clear errors', () => {
    expect(() => diceLoss(T(p, [2, 12]), T(q, [24]))).toThrow('DiceLoss: logits and labels must have the same shape, got [2, 12] and [24]');
    expect(() => diceLoss(T(p, [24]), T(q, [24]), { smooth: 0 })).toThrow('DiceLoss: smooth must be a positive float');
    expect(() => multiClassDiceLoss(T(p, [24]), T(q, [24]))).toThrow('MultiClassDiceLoss: logits and labels must have at least 2 dimensions');
    expect(() => multiClassDiceLoss(T(p, [4, 6]), T(q, [4, 6]), { activation: 'gelu' as 'relu' })).toThrow("MultiClassDiceLoss: the 'activation' must be in");
    expect(() => multiClassDiceLoss(T(p, [4, 6]), T(q, [4, 6]), { weights: T([1, 2], [2]) })).toThrow("MultiClassDiceLoss: the dimension of 'weights' must be 2");
    expect(() => multiClassDiceLoss(T(p, [4, 6]), T(q, [4, 6]), { weights: T([1, 2], [2, 1]) })).toThrow('MultiClassDiceLoss: weights.shape[0] must be equal to labels.shape[1] (6), got 2');
  });
});
