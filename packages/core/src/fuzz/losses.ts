/**
 * Every core loss (the functions exported from `nn/losses/index.ts`) as a fuzz step (test helper;
 * excluded from the build): a generator of valid random inputs and options, and the call. Float
 * inputs require grad (targets and weights too: their gradients are compared as well). A test
 * checks that this table names every loss the index exports.
 */
import * as core from '../index.js';
import type { Tensor } from '../tensor/tensor.js';
import type { Rng } from '../test-utils/rng.js';
import type { LeafSpec, Param } from './program.js';
import { makeLeaf, pick, type FloatKind } from './values.js';

export type FloatDType = 'float32' | 'float64';
type P = { [k: string]: Param };
/** Options with tensors resolved. */
export type Opts = Record<string, unknown>;

export interface LossInputs {
  /** Positional tensor arguments, in order. */
  readonly args: LeafSpec[];
  /** Tensor-valued options (`weight`, `posWeight`, …): the options name them as `{ $t: name }` (a key here). */
  readonly tensors: Record<string, LeafSpec>;
  readonly opts: P;
}

export interface LossDef {
  gen(r: Rng, dt: FloatDType): LossInputs;
  call(args: readonly Tensor[], opts: Opts): Tensor;
}

/** The loss functions the index exports that are not losses of tensors, with why they are left out. */
export const NOT_LOSSES: Record<string, string> = {
  uniformCandidateSampler: 'a host-side sampler of class ids (no tensors); sampledSoftmaxLoss draws through it',
  reshapeLike: "a shape helper of the Gluon losses (a view), exercised by every Gluon loss here",
  adaptivePredict: 'argmax of adaptiveLogProb (covered), a discontinuous function of computed values',
  hinge: "max(z, 0) as PyTorch's or MindSpore's kernel takes it: runs through the losses' `kernel` option here",
};

// ---- input helpers ----
const dims = (r: Rng, lo: number, hi: number): number => lo + r.int(hi - lo + 1);
function shape(r: Rng, minRank: number, maxRank: number, maxDim = 4, zero = false): number[] {
  const rank = dims(r, minRank, maxRank);
  return Array.from({ length: rank }, () => (zero && r.next() < 0.05 ? 0 : dims(r, 1, maxDim)));
}
/** A float leaf that requires grad; its kind is `kind`, or 'specials' with probability `sp`. */
const F = (r: Rng, dt: FloatDType, s: readonly number[], kind: FloatKind = 'normal', sp = 0.08): LeafSpec =>
  makeLeaf(r, s, dt, { kind: r.next() < sp ? 'specials' : kind, grad: true });
/** A constant float leaf (no grad): for values that must keep their form (±1 labels, 0/1 targets). */
const C = (s: readonly number[], dt: FloatDType, data: Float64Array, kind: string): LeafSpec => ({ shape: [...s], dtype: dt, data: dt === 'float32' ? data.map(Math.fround) : data, grad: false, kind });
const signs = (r: Rng, s: readonly number[], dt: FloatDType): LeafSpec =>
  C(s, dt, Float64Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => (r.next() < 0.5 ? -1 : 1)), '±1');
const bits = (r: Rng, s: readonly number[], dt: FloatDType): LeafSpec =>
  C(s, dt, Float64Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => r.int(2)), '0/1');
const idx = (r: Rng, s: readonly number[], lo: number, hi: number): LeafSpec => makeLeaf(r, s, 'int64', { lo, hi });
const ints = (s: readonly number[], data: number[]): LeafSpec => ({ shape: [...s], dtype: 'int64', data: Float64Array.from(data), grad: false, kind: 'ints' });
const red = (r: Rng, extra: Param[] = []): Param => pick(r, ['none', 'mean', 'sum', ...extra]);
/** Whose CPU kernel a loss follows at NaN and ±Inf (the `kernel` option of the losses that take it). */
const kernel = (r: Rng): Param => pick(r, ['torch', 'mindspore']);
const gluonRed = (r: Rng): Param => pick(r, ['none', 'mean', 'sum', { batchAxis: 0 }]);
/** The shape of b broadcasting against a: a's shape with some dims set to 1 or dropped from the front. */
function broadcastLike(r: Rng, s: readonly number[]): number[] {
  const lead = r.next() < 0.3 ? r.int(s.length + 1) : 0;
  return s.slice(lead).map((d) => (r.next() < 0.25 ? 1 : d));
}

/** Input and target of one shape, or (`broadcast`) a target that broadcasts against the input. */
const pair = (fn: (a: Tensor, b: Tensor, o: Opts) => Tensor, extraOpts: (r: Rng) => P = () => ({}), broadcast = true): LossDef => ({
  gen: (r, dt) => {
    const s = shape(r, 0, 3, 4, true);
    return { args: [F(r, dt, s), F(r, dt, broadcast && r.next() < 0.3 ? broadcastLike(r, s) : s)], tensors: {}, opts: { reduction: red(r), ...extraOpts(r) } };
  },
  call: ([a, b], o) => fn(a!, b!, o),
});

/** (N, C) or (N, C, d) inputs (or (C) unbatched) and index targets in [0, C) with some ignore_index entries. */
function classInputs(r: Rng, dt: FloatDType, kind: FloatKind = 'normal'): { x: LeafSpec; t: LeafSpec; C: number; ignore: number | null } {
  const C = dims(r, 2, 5);
  const layout = r.int(3);
  const N = dims(r, 1, 4);
  const xs = layout === 0 ? [C] : layout === 1 ? [N, C] : [N, C, dims(r, 1, 3)];
  const ts = layout === 0 ? [] : layout === 1 ? [N] : [N, xs[2]!];
  const ignore = r.next() < 0.3 ? r.int(C) : null;
  const t = idx(r, ts, 0, C);
  return { x: F(r, dt, xs, kind), t, C, ignore };
}
const weightOpt = (r: Rng, dt: FloatDType, c: number, tensors: Record<string, LeafSpec>, name = 'weight'): P => {
  if (r.next() < 0.5) return {};
  tensors[name] = F(r, dt, [c], 'positive', 0);
  return { [name]: { $t: name } };
};

/** A CTC problem: (T, N, C) scores, padded targets in [1, C) with feasible lengths (blank 0). */
function ctcProblem(r: Rng, dt: FloatDType, blankLast: boolean): { scores: LeafSpec; targets: LeafSpec; inLens: number[]; tgtLens: number[]; T: number; N: number } {
  const T = dims(r, 3, 7);
  const N = dims(r, 1, 3);
  const C = dims(r, 3, 5);
  const S = dims(r, 1, 3);
  const inLens = Array.from({ length: N }, () => (r.next() < 0.3 ? dims(r, 2 * S + 1, Math.max(2 * S + 1, T)) : T)).map((v) => Math.min(v, T));
  const tgtLens = Array.from({ length: N }, () => dims(r, 0, S));
  const lo = blankLast ? 0 : 1;
  const hi = blankLast ? C - 1 : C;
  const data: number[] = [];
  for (let n = 0; n < N; n++) for (let s = 0; s < S; s++) data.push(s < tgtLens[n]! ? lo + r.int(hi - lo) : blankLast ? -1 : r.int(C));
  return { scores: F(r, dt, [T, N, C], 'normal', 0.04), targets: ints([N, S], data), inLens, tgtLens, T, N };
}

export const LOSSES: Record<string, LossDef> = {
  l1Loss: pair((a, b, o) => core.l1Loss(a, b, o)),
  mseLoss: pair((a, b, o) => core.mseLoss(a, b, o)),
  smoothL1Loss: pair((a, b, o) => core.smoothL1Loss(a, b, o), (r) => ({ beta: pick(r, [0, 0.5, 1, 2]) })),
  huberLoss: pair((a, b, o) => core.huberLoss(a, b, o), (r) => ({ delta: pick(r, [0.5, 1, 2]) })),
  rmseLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      return { args: [F(r, dt, s), F(r, dt, s)], tensors: {}, opts: {} };
    },
    call: ([a, b]) => core.rmseLoss(a!, b!),
  },
  crossEntropyLoss: {
    gen: (r, dt) => {
      const { x, t, C, ignore } = classInputs(r, dt);
      const tensors: Record<string, LeafSpec> = {};
      const probs = r.next() < 0.3 && x.shape.length > 0;
      const opts: P = { reduction: red(r), ...weightOpt(r, dt, C, tensors), labelSmoothing: pick(r, [0, 0, 0.1, 0.25]) };
      if (!probs && ignore !== null) opts.ignoreIndex = ignore;
      return { args: [x, probs ? F(r, dt, x.shape, 'unit', 0) : t], tensors, opts };
    },
    call: ([x, t], o) => core.crossEntropyLoss(x!, t!, o),
  },
  nllLoss: {
    gen: (r, dt) => {
      const { x, t, C, ignore } = classInputs(r, dt);
      const tensors: Record<string, LeafSpec> = {};
      const opts: P = { reduction: red(r), ...weightOpt(r, dt, C, tensors) };
      if (ignore !== null) opts.ignoreIndex = ignore;
      return { args: [x, t], tensors, opts };
    },
    call: ([x, t], o) => core.nllLoss(x!, t!, o),
  },
  binaryCrossEntropyLoss: {
    gen: (r, dt) => {
      const s = shape(r, 0, 3, 4, true);
      const tensors: Record<string, LeafSpec> = {};
      const opts: P = { reduction: red(r), kernel: kernel(r) };
      if (r.next() < 0.4) {
        tensors.weight = F(r, dt, broadcastLike(r, s), 'positive', 0);
        opts.weight = { $t: 'weight' };
      }
      return { args: [F(r, dt, s, 'unit', 0.05), r.next() < 0.5 ? bits(r, s, dt) : F(r, dt, s, 'unit', 0)], tensors, opts };
    },
    call: ([x, y], o) => core.binaryCrossEntropyLoss(x!, y!, o),
  },
  binaryCrossEntropyWithLogitsLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3, 4, true);
      const tensors: Record<string, LeafSpec> = {};
      const opts: P = { reduction: red(r) };
      if (r.next() < 0.4) {
        tensors.weight = F(r, dt, broadcastLike(r, s), 'positive', 0);
        opts.weight = { $t: 'weight' };
      }
      if (r.next() < 0.4) {
        tensors.posWeight = F(r, dt, [s[s.length - 1]!], 'positive', 0);
        opts.posWeight = { $t: 'posWeight' };
      }
      return { args: [F(r, dt, s), F(r, dt, s, 'unit', 0)], tensors, opts };
    },
    call: ([x, y], o) => core.binaryCrossEntropyWithLogitsLoss(x!, y!, o),
  },
  klDivLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      const logTarget = r.next() < 0.4;
      return { args: [F(r, dt, s), F(r, dt, s, logTarget ? 'normal' : 'unit')], tensors: {}, opts: { logTarget, reduction: red(r, ['batchmean']), kernel: kernel(r) } };
    },
    call: ([x, y], o) => core.klDivLoss(x!, y!, o),
  },
  softMarginLoss: {
    gen: (r, dt) => {
      const s = shape(r, 0, 3);
      return { args: [F(r, dt, s), signs(r, s, dt)], tensors: {}, opts: { reduction: red(r) } };
    },
    call: ([x, y], o) => core.softMarginLoss(x!, y!, o),
  },
  multiMarginLoss: {
    gen: (r, dt) => {
      const C = dims(r, 2, 5);
      const unbatched = r.next() < 0.25;
      const N = dims(r, 1, 4);
      const tensors: Record<string, LeafSpec> = {};
      const opts: P = { reduction: red(r), p: pick(r, [1, 2]), margin: pick(r, [1, 0.5, 2]), ...weightOpt(r, dt, C, tensors) };
      return { args: [F(r, dt, unbatched ? [C] : [N, C]), idx(r, unbatched ? [] : [N], 0, C)], tensors, opts };
    },
    call: ([x, t], o) => core.multiMarginLoss(x!, t!, o),
  },
  marginRankingLoss: {
    gen: (r, dt) => {
      const s = [dims(r, 1, 5)];
      return { args: [F(r, dt, s), F(r, dt, s), signs(r, s, dt)], tensors: {}, opts: { reduction: red(r), margin: pick(r, [0, 0.5, 1]), kernel: kernel(r) } };
    },
    call: ([a, b, y], o) => core.marginRankingLoss(a!, b!, y!, o),
  },
  multilabelMarginLoss: {
    gen: (r, dt) => {
      const C = dims(r, 2, 5);
      const unbatched = r.next() < 0.25;
      const N = unbatched ? 1 : dims(r, 1, 4);
      const data: number[] = [];
      for (let n = 0; n < N; n++) {
        const k = r.int(C + 1);
        for (let j = 0; j < C; j++) data.push(j < k ? r.int(C) : j === k ? -1 : r.int(C + 1) - 1);
      }
      const s = unbatched ? [C] : [N, C];
      return { args: [F(r, dt, s), ints(s, data)], tensors: {}, opts: { reduction: red(r) } };
    },
    call: ([x, t], o) => core.multilabelMarginLoss(x!, t!, o),
  },
  multilabelSoftMarginLoss: {
    gen: (r, dt) => {
      const s = [dims(r, 1, 4), dims(r, 1, 5)];
      const tensors: Record<string, LeafSpec> = {};
      return { args: [F(r, dt, s), bits(r, s, dt)], tensors, opts: { reduction: red(r), ...weightOpt(r, dt, s[1]!, tensors) } };
    },
    call: ([x, t], o) => core.multilabelSoftMarginLoss(x!, t!, o),
  },
  cosineEmbeddingLoss: {
    gen: (r, dt) => {
      const unbatched = r.next() < 0.25;
      const D = dims(r, 1, 5);
      const s = unbatched ? [D] : [dims(r, 1, 4), D];
      return { args: [F(r, dt, s), F(r, dt, s), signs(r, unbatched ? [] : [s[0]!], dt)], tensors: {}, opts: { reduction: red(r), margin: pick(r, [0, 0.25, -0.5]), kernel: kernel(r) } };
    },
    call: ([a, b, y], o) => core.cosineEmbeddingLoss(a!, b!, y!, o),
  },
  hingeEmbeddingLoss: {
    gen: (r, dt) => {
      const s = shape(r, 0, 3);
      return { args: [F(r, dt, s), signs(r, s, dt)], tensors: {}, opts: { reduction: red(r), margin: pick(r, [1, 0.5, 2]), kernel: kernel(r) } };
    },
    call: ([x, y], o) => core.hingeEmbeddingLoss(x!, y!, o),
  },
  pairwiseDistance: {
    gen: (r, dt) => {
      const s = shape(r, 1, 2, 5);
      return { args: [F(r, dt, s), F(r, dt, s)], tensors: {}, opts: { p: pick(r, [1, 2, 3]), eps: pick(r, [1e-6, 0]), keepdim: r.next() < 0.3 } };
    },
    call: ([a, b], o) => core.pairwiseDistance(a!, b!, o),
  },
  cosineSimilarity: {
    gen: (r, dt) => {
      const s = shape(r, 2, 3, 4);
      return { args: [F(r, dt, s), F(r, dt, r.next() < 0.3 ? broadcastLike(r, s) : s)], tensors: {}, opts: { dim: pick(r, [1, -1]) } };
    },
    call: ([a, b], o) => core.cosineSimilarity(a!, b!, o),
  },
  tripletMarginLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 2, 5);
      return { args: [F(r, dt, s), F(r, dt, s), F(r, dt, s)], tensors: {}, opts: { reduction: red(r), margin: pick(r, [1, 0.5]), p: pick(r, [1, 2, 3]), swap: r.next() < 0.3, kernel: kernel(r) } };
    },
    call: ([a, p, n], o) => core.tripletMarginLoss(a!, p!, n!, o),
  },
  tripletMarginWithDistanceLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 2, 5);
      return { args: [F(r, dt, s), F(r, dt, s), F(r, dt, s)], tensors: {}, opts: { reduction: red(r), margin: pick(r, [1, 0.5]), swap: r.next() < 0.3, kernel: kernel(r) } };
    },
    call: ([a, p, n], o) => core.tripletMarginWithDistanceLoss(a!, p!, n!, o),
  },
  poissonNllLoss: {
    gen: (r, dt) => {
      const s = shape(r, 0, 3);
      const logInput = r.next() < 0.5;
      const counts = C(s, dt, Float64Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => r.int(5)), 'counts');
      return { args: [F(r, dt, s, logInput ? 'normal' : 'positive'), counts], tensors: {}, opts: { reduction: red(r), logInput, full: r.next() < 0.4 } };
    },
    call: ([x, y], o) => core.poissonNllLoss(x!, y!, o),
  },
  gaussianNllLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      const v = pick(r, ['same', 'last1', 'number']);
      const opts: P = { reduction: red(r), full: r.next() < 0.4, eps: pick(r, [1e-6, 0.5]) };
      if (v === 'number') return { args: [F(r, dt, s), F(r, dt, s)], tensors: {}, opts: { ...opts, varNumber: 0.75 } };
      const vs = v === 'same' ? s : [...s.slice(0, -1), 1];
      return { args: [F(r, dt, s), F(r, dt, s), F(r, dt, vs, 'positive', 0)], tensors: {}, opts };
    },
    call: ([x, y, v], o) => {
      const { varNumber, ...rest } = o;
      return core.gaussianNllLoss(x!, y!, v ?? (varNumber as number), rest);
    },
  },
  ctcLoss: {
    gen: (r, dt) => {
      const { scores, targets, inLens, tgtLens } = ctcProblem(r, dt, false);
      return { args: [scores, targets], tensors: {}, opts: { inputLengths: inLens, targetLengths: tgtLens, zeroInfinity: r.next() < 0.3, reduction: red(r), logSoftmaxFirst: true } };
    },
    /** The scores go through log_softmax in the program (PyTorch's usage), so gradients flow to raw scores. */
    call: ([x, t], o) => {
      const { logSoftmaxFirst, ...rest } = o;
      return core.ctcLoss(logSoftmaxFirst ? x!.logSoftmax(2) : x!, t!, rest);
    },
  },
  gluonCtcLoss: {
    gen: (r, dt) => {
      const { scores, targets } = ctcProblem(r, dt, true);
      const [T, N, Cc] = scores.shape as [number, number, number];
      const pred = { ...scores, shape: [N, T, Cc] };
      return { args: [pred, targets], tensors: {}, opts: { reduction: gluonRed(r) } };
    },
    call: ([x, t], o) => core.gluonCtcLoss(x!, t!, o),
  },
  diceLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      return { args: [F(r, dt, s, 'unit'), bits(r, s, dt)], tensors: {}, opts: { smooth: pick(r, [1e-5, 1]) } };
    },
    call: ([x, y], o) => core.diceLoss(x!, y!, o),
  },
  multiClassDiceLoss: {
    gen: (r, dt) => {
      const s = [dims(r, 1, 3), dims(r, 2, 4), ...(r.next() < 0.3 ? [dims(r, 1, 3)] : [])];
      const tensors: Record<string, LeafSpec> = {};
      const opts: P = { activation: pick(r, ['softmax', 'logsoftmax', 'relu', 'relu6', 'tanh', 'sigmoid', null]) };
      if (r.next() < 0.3) opts.ignoreIndex = r.int(s[1]!);
      if (r.next() < 0.3) {
        tensors.weights = F(r, dt, [s[1]!, dims(r, 1, 3)], 'positive', 0);
        opts.weights = { $t: 'weights' };
      }
      return { args: [F(r, dt, s), bits(r, s, dt)], tensors, opts };
    },
    call: ([x, y], o) => core.multiClassDiceLoss(x!, y!, o),
  },
  focalLoss: {
    gen: (r, dt) => {
      const N = dims(r, 1, 3);
      const Cc = dims(r, 2, 4);
      const spatial = Array.from({ length: r.int(3) }, () => dims(r, 1, 3));
      const tensors: Record<string, LeafSpec> = {};
      const opts: P = { reduction: red(r), gamma: pick(r, [2, 0, 1, 0.5]), ...weightOpt(r, dt, Cc, tensors) };
      const label = r.next() < 0.5 ? idx(r, [N, 1, ...spatial], 0, Cc) : F(r, dt, [N, Cc, ...spatial], 'unit', 0);
      return { args: [F(r, dt, [N, Cc, ...spatial]), label], tensors, opts };
    },
    call: ([x, y], o) => core.focalLoss(x!, y!, o),
  },
  sampledSoftmaxLoss: {
    gen: (r, dt) => {
      const Cc = dims(r, 3, 7);
      const dim = dims(r, 1, 4);
      const N = dims(r, 1, 4);
      const numTrue = dims(r, 1, 2);
      return {
        args: [F(r, dt, [Cc, dim], 'normal', 0), F(r, dt, [Cc], 'normal', 0), idx(r, [N, numTrue], 0, Cc), F(r, dt, [N, dim], 'normal', 0)],
        tensors: {},
        opts: { numSampled: dims(r, 1, Cc), numClasses: Cc, numTrue, seed: r.int(1000), removeAccidentalHits: r.next() < 0.7, reduction: red(r) },
      };
    },
    call: ([w, b, l, x], o) => core.sampledSoftmaxLoss(w!, b!, l!, x!, o as unknown as core.SampledSoftmaxLossOptions),
  },
  adaptiveLogSoftmaxWithLoss: {
    gen: (r, dt) => {
      const Fdim = dims(r, 2, 4);
      const shortlist = dims(r, 1, 3);
      const sizes = Array.from({ length: dims(r, 1, 2) }, () => dims(r, 1, 3));
      const cutoffs = sizes.reduce<number[]>((acc, s) => [...acc, (acc[acc.length - 1] ?? shortlist) + s], [shortlist]).slice(0, sizes.length);
      const nClasses = cutoffs[cutoffs.length - 1]! + sizes[sizes.length - 1]!;
      const B = dims(r, 1, 4);
      const tensors: Record<string, LeafSpec> = { head: F(r, dt, [shortlist + sizes.length, Fdim], 'normal', 0) };
      const tails: Param[] = [];
      sizes.forEach((osz, i) => {
        const hsz = dims(r, 1, 3);
        tensors[`proj${i}`] = F(r, dt, [hsz, Fdim], 'normal', 0);
        tensors[`out${i}`] = F(r, dt, [osz, hsz], 'normal', 0);
        tails.push([{ $t: `proj${i}` }, { $t: `out${i}` }]);
      });
      const opts: P = { headWeight: { $t: 'head' }, tailWeights: tails, cutoffs, reduction: red(r), logProb: r.next() < 0.3 };
      if (r.next() < 0.5) {
        tensors.headBias = F(r, dt, [shortlist + sizes.length], 'normal', 0);
        opts.headBias = { $t: 'headBias' };
      }
      return { args: [F(r, dt, [B, Fdim]), idx(r, [B], 0, nClasses)], tensors, opts };
    },
    /** The loss, or with `logProb` the log-probabilities of every class (`adaptiveLogProb`). */
    call: ([x, t], o) => {
      const { logProb, ...w } = o;
      const opts = w as unknown as core.AdaptiveLogSoftmaxOptions;
      return logProb ? core.adaptiveLogProb(x!, opts) : core.adaptiveLogSoftmaxWithLoss(x!, t!, opts).loss;
    },
  },
  l2Loss: pair((a, b, o) => core.l2Loss(a, b, o), (r) => ({ reduction: gluonRed(r) }), false),
  hingeLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      return { args: [F(r, dt, s), signs(r, s, dt)], tensors: {}, opts: { reduction: gluonRed(r), margin: pick(r, [1, 0.5]) } };
    },
    call: ([x, y], o) => core.hingeLoss(x!, y!, o),
  },
  squaredHingeLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      return { args: [F(r, dt, s), signs(r, s, dt)], tensors: {}, opts: { reduction: gluonRed(r), margin: pick(r, [1, 0.5]) } };
    },
    call: ([x, y], o) => core.squaredHingeLoss(x!, y!, o),
  },
  tripletLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      return { args: [F(r, dt, s), F(r, dt, s), F(r, dt, s)], tensors: {}, opts: { reduction: pick(r, ['none', 'mean', 'sum']), margin: pick(r, [1, 0.5]), batchAxis: r.int(s.length) } };
    },
    call: ([a, p, n], o) => core.tripletLoss(a!, p!, n!, o),
  },
  gluonPoissonNllLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      const fromLogits = r.next() < 0.5;
      const counts = C(s, dt, Float64Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => r.int(5)), 'counts');
      return { args: [F(r, dt, s, fromLogits ? 'normal' : 'positive'), counts], tensors: {}, opts: { reduction: gluonRed(r), fromLogits, computeFull: r.next() < 0.4 } };
    },
    call: ([x, y], o) => core.gluonPoissonNllLoss(x!, y!, o),
  },
  logisticLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      const binary = r.next() < 0.5;
      return { args: [F(r, dt, s), binary ? bits(r, s, dt) : signs(r, s, dt)], tensors: {}, opts: { reduction: gluonRed(r), labelFormat: binary ? 'binary' : 'signed' } };
    },
    call: ([x, y], o) => core.logisticLoss(x!, y!, o),
  },
  sigmoidBinaryCrossEntropyLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      const fromSigmoid = r.next() < 0.4;
      const tensors: Record<string, LeafSpec> = {};
      const opts: P = { reduction: gluonRed(r), fromSigmoid };
      if (r.next() < 0.4) {
        tensors.posWeight = F(r, dt, broadcastLike(r, s), 'positive', 0);
        opts.posWeight = { $t: 'posWeight' };
      }
      return { args: [F(r, dt, s, fromSigmoid ? 'unit' : 'normal'), F(r, dt, s, 'unit', 0)], tensors, opts };
    },
    call: ([x, y], o) => core.sigmoidBinaryCrossEntropyLoss(x!, y!, o),
  },
  softmaxCrossEntropyLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3, 4);
      const axis = pick(r, [-1, 0, s.length - 1]);
      const a = axis < 0 ? axis + s.length : axis;
      const sparse = r.next() < 0.6;
      const Cc = s[a]!;
      const label = sparse ? idx(r, s.filter((_, i) => i !== a), 0, Cc) : F(r, dt, s, 'unit', 0);
      return { args: [F(r, dt, s), label], tensors: {}, opts: { reduction: gluonRed(r), axis, sparseLabel: sparse, fromLogits: r.next() < 0.3 } };
    },
    call: ([x, y], o) => core.softmaxCrossEntropyLoss(x!, y!, o),
  },
  gluonKlDivLoss: {
    gen: (r, dt) => {
      const s = shape(r, 1, 3);
      return { args: [F(r, dt, s), F(r, dt, s, 'unit', 0)], tensors: {}, opts: { reduction: gluonRed(r), fromLogits: r.next() < 0.5, axis: pick(r, [-1, 0]) } };
    },
    call: ([x, y], o) => core.gluonKlDivLoss(x!, y!, o),
  },
  sdmlLoss: {
    gen: (r, dt) => {
      const s = [dims(r, 2, 4), dims(r, 1, 4)];
      return { args: [F(r, dt, s), F(r, dt, s)], tensors: {}, opts: { reduction: gluonRed(r), smoothingParameter: pick(r, [0.3, 0.1]) } };
    },
    call: ([a, b], o) => core.sdmlLoss(a!, b!, o),
  },
  gluonCosineEmbeddingLoss: {
    gen: (r, dt) => {
      const s = [dims(r, 1, 4), dims(r, 1, 5)];
      return { args: [F(r, dt, s), F(r, dt, s), signs(r, [s[0]!], dt)], tensors: {}, opts: { reduction: gluonRed(r), margin: pick(r, [0, 0.25]) } };
    },
    call: ([a, b, y], o) => core.gluonCosineEmbeddingLoss(a!, b!, y!, o),
  },
};
