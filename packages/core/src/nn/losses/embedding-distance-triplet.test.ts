import { expect, it } from 'vitest';
import { tensor } from '../../index.js';
import { arg, runCases, perBackend, rng, type Case } from '../../test-utils/loss-harness.js';
import { expectClose } from '../../test-utils/reference.js';
import { cosineSimilarity, pairwiseDistance } from './distance.js';
import { cosineEmbeddingLoss, hingeEmbeddingLoss } from './embedding.js';
import { tripletMarginLoss, tripletMarginWithDistanceLoss } from './triplet.js';

const r = rng(51);
const A = arg(r.normals(12), [3, 4]);
const B = arg(r.normals(12), [3, 4]);
const Cn = arg(r.normals(12), [3, 4]);
const B4 = arg(r.normals(4), [4]);
const Av = arg(r.normals(4), [4]);
const Bv = arg(r.normals(4), [4]);
const Nv = arg(r.normals(4), [4]);
const Yc = arg([1, -1, -1], [3]);
const H = arg(r.distinct(12, 0.3), [3, 4]);
const Yh = arg([1, -1, 1, -1, -1, 1, 0, 1, -1, 1, 2, -1], [3, 4]);

const rowsOf = (x: number[], D: number) => Array.from({ length: x.length / D }, (_, n) => x.slice(n * D, n * D + D));
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const pnorm = (v: number[], p: number) => (p === Infinity ? Math.max(...v.map(Math.abs)) : v.reduce((s, u) => s + Math.abs(u) ** p, 0) ** (1 / p));
const pdist = (a: number[], b: number[], p = 2, eps = 1e-6) => pnorm(a.map((v, i) => v - b[i]! + eps), p);
/** Rows of b broadcast against rows of a. */
const pairRows = (a: number[], b: number[], D: number) => rowsOf(a, D).map((ra, n) => [ra, rowsOf(b, D)[b.length === D ? 0 : n]!] as const);
const cosEmb = (a: number[], b: number[]) => dot(a, b) / Math.sqrt((dot(a, a) + 1e-12) * (dot(b, b) + 1e-12));
const cosSim = (a: number[], b: number[], eps = 1e-8) => dot(a, b) / (Math.max(Math.sqrt(dot(a, a)), eps) * Math.max(Math.sqrt(dot(b, b)), eps));
const transpose = (x: number[], R: number, C: number) => Array.from({ length: x.length }, (_, i) => x[(i % R) * C + Math.floor(i / R)]!);

perBackend('embedding, distance and triplet losses', () => {
  runCases([
    ...[0, 0.2, -0.3].map((margin): Case => ({
      title: `cosine_embedding margin=${margin}`, args: [A, B, Yc], wrt: [0, 1],
      fn: (reduction) => (a, b, y) => cosineEmbeddingLoss(a!, b!, y!, { reduction, margin }),
      ref: (a, b, y) => ({ loss: pairRows(a!, b!, 4).map(([ra, rb], n) => (y![n] === 1 ? 1 - cosEmb(ra, rb) : Math.max(0, cosEmb(ra, rb) - margin))), shape: [3] }),
    })),
    {
      title: 'cosine_embedding unbatched', args: [Av, Bv, arg([-1], [])], wrt: [0, 1],
      fn: (reduction) => (a, b, y) => cosineEmbeddingLoss(a!, b!, y!, { reduction, margin: -0.9 }),
      ref: (a, b) => ({ loss: [Math.max(0, cosEmb(a!, b!) + 0.9)], shape: [] }),
    },
    ...[1, 0.5].map((margin): Case => ({
      title: `hinge_embedding margin=${margin} (targets ±1 and others)`, args: [H, Yh], wrt: [0],
      fn: (reduction) => (x, y) => hingeEmbeddingLoss(x!, y!, { reduction, margin }),
      ref: (x, y) => ({ loss: x!.map((v, i) => (y![i] !== 1 ? Math.max(0, margin - v) : 0) + (y![i] !== -1 ? v : 0)), shape: [3, 4] }),
    })),
    ...[2, 1, 3, Infinity].map((p): Case => ({
      title: `pairwise_distance p=${p}`, args: [A, B], reductions: ['none'],
      fn: () => (a, b) => pairwiseDistance(a!, b!, { p }), ref: (a, b) => ({ loss: pairRows(a!, b!, 4).map(([x, y]) => pdist(x, y, p)), shape: [3] }),
    })),
    {
      title: 'pairwise_distance broadcast (D), keepdim, eps 1e-3', args: [A, B4], reductions: ['none'],
      fn: () => (a, b) => pairwiseDistance(a!, b!, { keepdim: true, eps: 1e-3 }), ref: (a, b) => ({ loss: pairRows(a!, b!, 4).map(([x, y]) => pdist(x, y, 2, 1e-3)), shape: [3, 1] }),
    },
    {
      title: 'cosine_similarity dim 1', args: [A, B], reductions: ['none'],
      fn: () => (a, b) => cosineSimilarity(a!, b!), ref: (a, b) => ({ loss: pairRows(a!, b!, 4).map(([x, y]) => cosSim(x, y)), shape: [3] }),
    },
    {
      title: 'cosine_similarity dim 0, broadcast', args: [A, arg(r.normals(3), [3, 1])], reductions: ['none'],
      fn: () => (a, b) => cosineSimilarity(a!, b!, { dim: 0 }),
      ref: (a, b) => ({ loss: rowsOf(transpose(a!, 3, 4), 3).map((col) => cosSim(col, b!)), shape: [4] }),
    },
    ...[
      { margin: 1, p: 2, swap: false }, { margin: 0.5, p: 1, swap: false }, { margin: 2, p: 2, swap: true }, { margin: 1, p: 3, swap: true, eps: 1e-3 },
    ].map((o): Case => ({
      title: `triplet_margin ${JSON.stringify(o)}`, args: [A, B, Cn],
      fn: (reduction) => (a, p, n) => tripletMarginLoss(a!, p!, n!, { reduction, ...o }),
      ref: (a, p, n) => ({
        loss: [0, 1, 2].map((i) => {
          const [ra, rp, rn] = [a!, p!, n!].map((x) => rowsOf(x, 4)[i]!) as [number[], number[], number[]];
          const dn = o.swap ? Math.min(pdist(ra, rn, o.p, o.eps), pdist(rp, rn, o.p, o.eps)) : pdist(ra, rn, o.p, o.eps);
          return Math.max(0, pdist(ra, rp, o.p, o.eps) - dn + o.margin);
        }),
        shape: [3],
      }),
    })),
    {
      title: 'triplet_margin unbatched', args: [Av, Bv, Nv],
      fn: (reduction) => (a, p, n) => tripletMarginLoss(a!, p!, n!, { reduction, margin: 3 }),
      ref: (a, p, n) => ({ loss: [Math.max(0, pdist(a!, p!) - pdist(a!, n!) + 3)], shape: [] }),
    },
    ...[false, true].map((swap): Case => ({
      title: `triplet_margin_with_distance (1 − cosine_similarity) swap=${swap}`, args: [A, B, Cn],
      fn: (reduction) => (a, p, n) => tripletMarginWithDistanceLoss(a!, p!, n!, { reduction, swap, margin: 1.5, distanceFunction: (x, y) => cosineSimilarity(x, y).rsub(1) }),
      ref: (a, p, n) => ({
        loss: [0, 1, 2].map((i) => {
          const [ra, rp, rn] = [a!, p!, n!].map((x) => rowsOf(x, 4)[i]!) as [number[], number[], number[]];
          const d = (x: number[], y: number[]) => 1 - cosSim(x, y);
          return Math.max(0, d(ra, rp) - (swap ? Math.min(d(ra, rn), d(rp, rn)) : d(ra, rn)) + 1.5);
        }),
        shape: [3],
      }),
    })),
    {
      title: 'triplet_margin_with_distance default distance', args: [A, B, Cn],
      fn: (reduction) => (a, p, n) => tripletMarginWithDistanceLoss(a!, p!, n!, { reduction }),
      ref: (a, p, n) => ({ loss: [0, 1, 2].map((i) => Math.max(0, pdist(rowsOf(a!, 4)[i]!, rowsOf(p!, 4)[i]!) - pdist(rowsOf(a!, 4)[i]!, rowsOf(n!, 4)[i]!) + 1)), shape: [3] }),
    },
  ]);

  it('cosine_similarity of a zero vector is 0 (norms clamped at eps); cosine_embedding of zero vectors is finite', () => {
    expectClose(cosineSimilarity(tensor([[0, 0], [1, 1]], { dtype: 'float64' }), tensor([[1, 2], [2, 2]], { dtype: 'float64' })), [0, 1], { rtol: 1e-12 });
    expectClose(cosineEmbeddingLoss(tensor([[0, 0]]), tensor([[1, 2]]), tensor([1])), [1]);
  });

  it('PyTorch documented example shape: pairwise_distance of (100, 128) inputs is (100)', () => {
    const x = tensor(new Float32Array(100 * 128).fill(1), { shape: [100, 128] });
    expect(pairwiseDistance(x, x).shape).toEqual([100]);
    expectClose(pairwiseDistance(x, x), new Array(100).fill(1e-6 * Math.sqrt(128)), { rtol: 1e-4 });
  });

  it('bad input raises', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(() => cosineEmbeddingLoss(x, x, tensor(1))).toThrow('0D target tensor expects 1D input tensors, but found inputs with sizes [2, 3] and [2, 3].');
    expect(() => cosineEmbeddingLoss(tensor([1, 2]), tensor([1, 2]), tensor([1]))).toThrow('1D target tensor expects 2D input tensors');
    expect(() => cosineEmbeddingLoss(x, x, tensor([[1, 1]]))).toThrow('0D or 1D target tensor expected, multi-target not supported');
    expect(() => cosineEmbeddingLoss(x, x, tensor([1, 1, 1]))).toThrow('target of shape [3] does not match inputs');
    expect(() => tripletMarginLoss(x, tensor([1, 2, 3]), x)).toThrow(
      'The anchor, positive, and negative tensors are expected to have the same number of dimensions, but got: anchor 2D, positive 1D, and negative 2D inputs',
    );
    expect(() => tripletMarginWithDistanceLoss(x, x, x, { margin: 0 })).toThrow('expected margin to be greater than 0, got 0');
    expect(() => pairwiseDistance(x, tensor([1, 2]))).toThrow('x1 of shape [2, 3] and x2 of shape [2] cannot be broadcast together');
    expect(() => cosineSimilarity(x, x, { dim: 2 })).toThrow();
    expect(() => hingeEmbeddingLoss(x, x, { margin: NaN })).toThrow('margin must be a number');
  });
});
