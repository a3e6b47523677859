import { expect, it } from 'vitest';
import { tensor, type Tensor } from '../../index.js';
import { arg, ints, runCases, perBackend, rng, type Arg, type Ref, type Case } from '../../test-utils/loss-harness.js';
import { expectClose } from '../../test-utils/reference.js';
import { crossEntropyLoss } from './cross-entropy.js';
import { nllLoss } from './nll.js';

/** Layout of a class-dim input: shape (N, C, d…) or (C); position p = (n, r) over N × R. */
function layout(shape: number[]): { N: number; C: number; R: number; outShape: number[] } {
  if (shape.length === 1) return { N: 1, C: shape[0]!, R: 1, outShape: [] };
  const R = shape.slice(2).reduce((a, b) => a * b, 1);
  return { N: shape[0]!, C: shape[1]!, R, outShape: [shape[0]!, ...shape.slice(2)] };
}
const at = (C: number, R: number, n: number, c: number, r: number): number => (n * C + c) * R + r;
/** log_softmax over the class dim, on the host. */
function logSoftmaxRef(x: number[], shape: number[]): number[] {
  const { N, C, R } = layout(shape);
  const out = new Array<number>(x.length);
  for (let n = 0; n < N; n++) {
    for (let r = 0; r < R; r++) {
      let m = -Infinity;
      for (let c = 0; c < C; c++) m = Math.max(m, x[at(C, R, n, c, r)]!);
      let s = 0;
      for (let c = 0; c < C; c++) s += Math.exp(x[at(C, R, n, c, r)]! - m);
      for (let c = 0; c < C; c++) out[at(C, R, n, c, r)] = x[at(C, R, n, c, r)]! - m - Math.log(s);
    }
  }
  return out;
}
/** NLL/CE with class indices: l = (1−ε)(−w_y·lp_y) + (ε/C)(−Σ_c w_c·lp_c), 0 and weight 0 where ignored. */
function indexRef(lp: number[], shape: number[], y: number[], weight: number[] | null, ignore: number, eps: number): Ref {
  const { N, C, R, outShape } = layout(shape);
  const loss: number[] = [];
  const w: number[] = [];
  for (let n = 0; n < N; n++) {
    for (let r = 0; r < R; r++) {
      const t = y[n * R + r]!;
      if (t === ignore) {
        loss.push(0);
        w.push(0);
        continue;
      }
      const wc = (c: number) => (weight ? weight[c]! : 1);
      let smooth = 0;
      for (let c = 0; c < C; c++) smooth -= wc(c) * lp[at(C, R, n, c, r)]!;
      loss.push((1 - eps) * -wc(t) * lp[at(C, R, n, t, r)]! + (eps / C) * smooth);
      w.push(wc(t));
    }
  }
  return { loss, shape: outShape, w };
}
/** CE with class probabilities: l = −Σ_c w_c·((1−ε)y_c + ε/C)·lp_c; mean over the l's. */
function probRef(lp: number[], shape: number[], y: number[], weight: number[] | null, eps: number): Ref {
  const { N, C, R, outShape } = layout(shape);
  const loss: number[] = [];
  for (let n = 0; n < N; n++) {
    for (let r = 0; r < R; r++) {
      let s = 0;
      for (let c = 0; c < C; c++) {
        const i = at(C, R, n, c, r);
        s -= (weight ? weight[c]! : 1) * ((1 - eps) * y[i]! + eps / C) * lp[i]!;
      }
      loss.push(s);
    }
  }
  return { loss, shape: outShape };
}
/** Random probability rows along the class dim. */
function probs(seed: number, shape: number[]): Arg {
  const r = rng(seed);
  const x = Array.from(r.normals(shape.reduce((a, b) => a * b, 1)));
  return arg(logSoftmaxRef(x, shape).map(Math.exp), shape);
}

const r = rng(7);
const X2 = arg(r.normals(20).map((v) => 2 * v), [4, 5]);
const T2 = ints([1, 0, 4, 2]);
const T2ign = ints([1, -100, 4, 2]);
const X4 = arg(r.normals(24), [2, 3, 2, 2]);
const T4 = ints([0, 2, 1, 1, 2, 0, 0, 1], [2, 2, 2]);
const X1 = arg(r.normals(5), [5]);
const T1 = ints([3], []);
const W5 = arg([0.5, 2, 1, 0.25, 1.5], [5]);
const W3 = arg([1.5, 0.5, 2], [3]);
const P2 = probs(3, [4, 5]);
const P4 = probs(4, [2, 3, 2, 2]);
const P1 = probs(5, [5]);

type Opts = { weight?: Tensor; ignoreIndex?: number; labelSmoothing?: number };

function nllCases(): Case[] {
  const mk = (title: string, args: Arg[], o: { ignoreIndex?: number } = {}): Case => ({
    title: `nll_loss ${title}`,
    args,
    fn: (reduction) => (x, t, w) => nllLoss(x!, t!, { reduction, ...o, ...(w ? { weight: w } : {}) }),
    ref: (x, y, w) => indexRef(x!, args[0]!.shape, y!, w ?? null, o.ignoreIndex ?? -100, 0),
  });
  return [
    mk('(N, C)', [X2, T2]),
    mk('(N, C) weight', [X2, T2, W5]),
    mk('(N, C) ignore_index -100', [X2, T2ign]),
    mk('(N, C) weight + ignore_index 4', [X2, T2, W5], { ignoreIndex: 4 }),
    mk('(N, C, d1, d2)', [X4, T4]),
    mk('(N, C, d1, d2) weight + ignore_index 2', [X4, T4, W3], { ignoreIndex: 2 }),
    mk('unbatched (C)', [X1, T1]),
    mk('unbatched (C) weight', [X1, T1, W5]),
  ];
}

function ceCases(): Case[] {
  const idx = (title: string, args: Arg[], o: { ignoreIndex?: number; labelSmoothing?: number } = {}): Case => ({
    title: `cross_entropy indices ${title}`,
    args,
    fn: (reduction) => (x, t, w) => crossEntropyLoss(x!, t!, { reduction, ...o, ...(w ? { weight: w } : {}) }),
    ref: (x, y, w) => indexRef(logSoftmaxRef(x!, args[0]!.shape), args[0]!.shape, y!, w ?? null, o.ignoreIndex ?? -100, o.labelSmoothing ?? 0),
  });
  const prob = (title: string, args: Arg[], o: { labelSmoothing?: number } = {}): Case => ({
    title: `cross_entropy probabilities ${title}`,
    args,
    fn: (reduction) => (x, t, w) => crossEntropyLoss(x!, t!, { reduction, ...o, ...(w ? { weight: w } : {}) }),
    ref: (x, y, w) => probRef(logSoftmaxRef(x!, args[0]!.shape), args[0]!.shape, y!, w ?? null, o.labelSmoothing ?? 0),
  });
  return [
    idx('(N, C)', [X2, T2]),
    idx('(N, C) weight', [X2, T2, W5]),
    idx('(N, C) ignore_index', [X2, T2ign]),
    idx('(N, C) label_smoothing 0.2', [X2, T2], { labelSmoothing: 0.2 }),
    idx('(N, C) weight + ignore_index + label_smoothing 0.1', [X2, T2ign, W5], { labelSmoothing: 0.1 }),
    idx('(N, C) weight + ignore_index 0 + label_smoothing 1', [X2, T2, W5], { ignoreIndex: 0, labelSmoothing: 1 }),
    idx('(N, C, d1, d2) weight + label_smoothing 0.3', [X4, T4, W3], { labelSmoothing: 0.3 }),
    idx('(N, C, d1, d2) ignore_index 1', [X4, T4], { ignoreIndex: 1 }),
    idx('unbatched (C) weight + label_smoothing 0.25', [X1, T1, W5], { labelSmoothing: 0.25 }),
    prob('(N, C)', [X2, P2]),
    prob('(N, C) weight + label_smoothing 0.2', [X2, P2, W5], { labelSmoothing: 0.2 }),
    prob('(N, C, d1, d2) weight', [X4, P4, W3]),
    prob('unbatched (C) label_smoothing 0.5', [X1, P1], { labelSmoothing: 0.5 }),
  ];
}

perBackend('nll_loss and cross_entropy', () => {
  runCases(nllCases());
  runCases(ceCases());

  it('known values: uniform logits give log C; one confident class gives ~0', () => {
    expect(crossEntropyLoss(tensor([[0, 0, 0]], { dtype: 'float64' }), tensor([2], { dtype: 'int64' })).item()).toBeCloseTo(Math.log(3), 12);
    expect(crossEntropyLoss(tensor([[100, 0]], { dtype: 'float64' }), tensor([0], { dtype: 'int64' })).item()).toBeCloseTo(0, 12);
  });

  it('logits ±1e4 stay finite (value and gradient), in float32 too', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = tensor([[1e4, -1e4, 0], [-1e4, -1e4, 1e4]], { dtype, requiresGrad: true });
      const loss = crossEntropyLoss(x, tensor([1, 2], { dtype: 'int64' }), { reduction: 'none', labelSmoothing: 0.1 });
      // row 0: −lp_1 = 2e4; smooth = −Σ lp = 0 + 2e4 + 1e4; row 1: −lp_2 = 0, smooth = 2e4 + 2e4.
      expectClose(loss, [0.9 * 2e4 + (0.1 / 3) * 3e4, (0.1 / 3) * 4e4], { rtol: 1e-6 });
      loss.sum().backward();
      expectClose(x.grad!, [1 - 0.1 / 3, -(0.9 + 0.1 / 3), -0.1 / 3, -0.1 / 3, -0.1 / 3, 1 - (0.9 + 0.1 / 3)], { rtol: 1e-6, atol: 1e-6 });
    }
  });

  it('a float target of whole numbers is accepted as class indices (CONVENTIONS.md)', () => {
    const x = tensor(X2.data as Float64Array, { dtype: 'float64', shape: [4, 5] });
    const a = crossEntropyLoss(x, tensor([1, 0, 4, 2], { dtype: 'int64' })).item();
    expect(crossEntropyLoss(x, tensor([1, 0, 4, 2])).item()).toBe(a);
    expect(nllLoss(x, tensor([1, 0, 4, 2], { dtype: 'int32' })).item()).toBe(nllLoss(x, tensor([1, 0, 4, 2], { dtype: 'int64' })).item());
  });

  it('every target ignored: mean is NaN (0/0), as PyTorch; sum is 0', () => {
    const x = tensor([[1, 2], [3, 4]], { dtype: 'float64' });
    const t = tensor([-100, -100], { dtype: 'int64' });
    expect(Number.isNaN(nllLoss(x, t).item())).toBe(true);
    expect(crossEntropyLoss(x, t, { reduction: 'sum' }).item()).toBe(0);
  });

  it('gradient of ignored rows is 0; gradient of the weighted mean', () => {
    const x = tensor([[1, 2, 3], [0.5, 0, -1]], { dtype: 'float64', requiresGrad: true });
    nllLoss(x, tensor([2, -100], { dtype: 'int64' }), { weight: tensor([1, 1, 4], { dtype: 'float64' }) }).backward();
    expect(x.grad!.tolist()).toEqual([[0, 0, -1], [0, 0, 0]]);
  });

  it('bad input raises with PyTorch wording', () => {
    const x = tensor([[1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]);
    const t = (v: number[], shape?: number[]) => tensor(v, { dtype: 'int64', ...(shape ? { shape } : {}) });
    expect(() => crossEntropyLoss(x, t([0, 1]))).toThrow('cross_entropy: Expected input batch_size (3) to match target batch_size (2).');
    expect(() => nllLoss(x, t([0, 1]), { name: 'NLLLoss' })).toThrow('NLLLoss: Expected input batch_size (3) to match target batch_size (2).');
    expect(() => crossEntropyLoss(x, t([0, 7, 1]))).toThrow('Target 7 is out of bounds');
    expect(() => nllLoss(x, t([0, -1, 1]))).toThrow('Target -1 is out of bounds');
    expect(() => nllLoss(x, t([0, 5, 1]), { ignoreIndex: 5 })).not.toThrow();
    expect(() => crossEntropyLoss(x, tensor([0, 1.5, 1]))).toThrow('Target must hold whole numbers, got 1.5');
    expect(() => crossEntropyLoss(x, tensor([true, false, true]))).toThrow('must be an integer tensor, got bool');
    expect(() => crossEntropyLoss(x, t([0, 1, 2]), { weight: tensor([1, 2, 3]) })).toThrow(
      'weight tensor should be defined either for all 5 classes or no classes but got weight tensor of shape: [3]',
    );
    expect(() => crossEntropyLoss(x, t([0, 1, 2]), { labelSmoothing: 1.5 })).toThrow('label_smoothing must be between 0.0 and 1.0. Got: 1.5');
    expect(() => crossEntropyLoss(x, t([0, 1, 2]), { labelSmoothing: -0.1 })).toThrow('label_smoothing must be between 0.0 and 1.0');
    expect(() => crossEntropyLoss(tensor([[[1, 2], [3, 4]]]), t([0, 1, 1], [1, 3]))).toThrow('Expected target size [1, 2], got [1, 3]');
    expect(() => crossEntropyLoss(x, tensor([[1, 0, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 0, 0]], { dtype: 'int64' }))).toThrow(
      'Expected floating point type for target with class probabilities, got int64',
    );
    expect(() => nllLoss(tensor([1, 2, 3]), t([0, 1]))).toThrow('size mismatch (got input: [3], target: [2])');
    expect(() => nllLoss(tensor(1), t([0]))).toThrow('Expected 1 or more dimensions (got 0)');
    expect(() => nllLoss(tensor([[1, 2]], { dtype: 'int64' }), t([0]))).toThrow('input must be a floating point tensor, got int64');
    expect(() => crossEntropyLoss(x, t([0, 1, 2]), { reduction: 'batchmean' })).toThrow("reduction must be one of 'none', 'mean', 'sum'");
  });
});
