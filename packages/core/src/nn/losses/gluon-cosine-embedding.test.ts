import { describe, expect, it } from 'vitest';
import { tensor } from '../../index.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose } from '../../test-utils/reference.js';
import { perBackend } from '../../test-utils/loss-harness.js';
import { gluonCosineEmbeddingLoss } from './gluon-cosine-embedding.js';

/** float64 host reference from MXNet's formula. */
function reference(a: number[][], b: number[][], label: number[], margin: number): number[] {
  return a.map((row, i) => {
    const dot = row.reduce((s, v, j) => s + v * b[i]![j]!, 0);
    const na = Math.sqrt(row.reduce((s, v) => s + v * v, 0));
    const nb = Math.sqrt(b[i]!.reduce((s, v) => s + v * v, 0));
    const cos = dot / Math.max(na * nb, 1e-12);
    return label[i] === 1 ? 1 - cos : Math.min(Math.max(cos - margin, 0), 1 - margin);
  });
}

const A = [[0.3, -1.2, 0.8], [1.5, 0.2, -0.4], [-0.7, 0.9, 0.1], [0.2, 0.2, 0.2]];
const B = [[0.5, -0.9, 1.1], [-1.0, 0.4, 0.3], [0.6, 1.3, -0.2], [0.1, -0.3, 0.25]];
const L = [1, -1, -1, 1];

perBackend('gluon CosineEmbeddingLoss', () => {
  it.each([0, 0.2])('matches MXNet’s formula in float64 and float32 (margin %s)', (margin) => {
    const want = reference(A, B, L, margin);
    for (const dtype of ['float64', 'float32'] as const) {
      const got = gluonCosineEmbeddingLoss(tensor(A, { dtype }), tensor(B, { dtype }), tensor(L, { dtype }), { margin });
      expect(got.shape).toEqual([4, 1]);
      expectClose(got, want, dtype === 'float64' ? { rtol: 1e-10, atol: 1e-12 } : { rtol: 1e-5, atol: 1e-6 });
      expectClose(gluonCosineEmbeddingLoss(tensor(A, { dtype }), tensor(B, { dtype }), tensor(L, { dtype }), { margin, reduction: { batchAxis: 0 } }), want, dtype === 'float64' ? { rtol: 1e-10, atol: 1e-12 } : { rtol: 1e-5, atol: 1e-6 });
    }
  });
  it('is 0 for equal vectors with label 1, and for opposite vectors with label −1 (the Gluon tutorial’s cases)', () => {
    const x = tensor([[1, 2, 3]]);
    expect(gluonCosineEmbeddingLoss(x, x, tensor([1])).tolist()).toEqual([[0]]);
    expect(gluonCosineEmbeddingLoss(x, x.neg(), tensor([-1])).tolist()).toEqual([[0]]);
    expect(gluonCosineEmbeddingLoss(x, x, tensor([-1])).item()).toBeCloseTo(1, 6);
  });
  it('gradcheck w.r.t. both inputs', () => {
    const r = gradcheck((a, b) => gluonCosineEmbeddingLoss(a, b, tensor(L, { dtype: 'float64' }), { margin: 0.1 }), [tensor(A, { dtype: 'float64' }), tensor(B, { dtype: 'float64' })]);
    expect(r.ok, r.message).toBe(true);
  });
});

describe('gluon CosineEmbeddingLoss errors', () => {
  it('names the loss and the argument when input1 cannot be reshaped like input2', () => {
    expect(() => gluonCosineEmbeddingLoss(tensor([[1, 2]]), tensor([[1, 2, 3]]), tensor([1]))).toThrow(/CosineEmbeddingLoss: cannot reshape input1/);
  });
});
