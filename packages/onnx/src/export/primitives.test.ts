import { concat, manualSeed, rand, randn, tensor, where, type Tensor } from '@rosetta/core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { releaseSessions } from '../runtime/run.js';
import { exercised, expectExportMatches } from '../test-utils/export-check.js';
import { lowerings } from './lower.js';

afterAll(releaseSessions);
beforeEach(() => manualSeed(7));

describe.each(['float32', 'float64'] as const)('every primitive exported and run in ORT matches the engine (%s)', (dtype) => {
  const n = (shape: number[]): Tensor => randn(shape, { dtype });
  const pos = (shape: number[]): Tensor => rand(shape, { dtype }).add(0.5);

  it.each([
    ['neg', (x: Tensor) => x.neg()],
    ['exp', (x: Tensor) => x.exp()],
    ['abs', (x: Tensor) => x.abs()],
    ['sign', (x: Tensor) => x.sign()],
    ['sin', (x: Tensor) => x.sin()],
    ['cos', (x: Tensor) => x.cos()],
    ['tanh', (x: Tensor) => x.tanh()],
    ['expm1', (x: Tensor) => x.expm1()],
    ['floor', (x: Tensor) => x.mul(3).floor()],
    ['ceil', (x: Tensor) => x.mul(3).ceil()],
    ['round', (x: Tensor) => x.mul(3).round()],
    ['logicalNot', (x: Tensor) => x.gt(0).logicalNot()],
  ])('unary %s', async (_name, f) => {
    await expectExportMatches(f, [n([3, 4])], { fresh: [n([3, 4])] });
  });

  it.each([
    ['log', (x: Tensor) => x.log()],
    ['sqrt', (x: Tensor) => x.sqrt()],
    ['reciprocal', (x: Tensor) => x.reciprocal()],
    ['log1p', (x: Tensor) => x.log1p()],
  ])('unary %s on positive inputs', async (_name, f) => {
    await expectExportMatches(f, [pos([2, 5])], { fresh: [pos([2, 5])] });
  });

  it('round is half to even, as ONNX Round', async () => {
    await expectExportMatches((x) => x.round(), [tensor([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 0.49999], { dtype })]);
  });

  it.each([
    ['add', (a: Tensor, b: Tensor) => a.add(b)],
    ['sub', (a: Tensor, b: Tensor) => a.sub(b)],
    ['mul', (a: Tensor, b: Tensor) => a.mul(b)],
    ['div', (a: Tensor, b: Tensor) => a.div(b)],
    ['maximum', (a: Tensor, b: Tensor) => a.maximum(b)],
    ['minimum', (a: Tensor, b: Tensor) => a.minimum(b)],
  ])('binary %s with broadcasting', async (_name, f) => {
    await expectExportMatches(f, [n([3, 1, 4]), n([2, 4])], { fresh: [n([3, 1, 4]), n([2, 4])] });
  });

  it('pow with broadcasting and a scalar operand', async () => {
    await expectExportMatches((a, b) => a.pow(b).add(a.pow(2.5)), [pos([3, 1]), n([1, 4])]);
  });

  it('maximum and minimum propagate NaN', async () => {
    const a = tensor([NaN, 1, 2, NaN], { dtype });
    const b = tensor([0, NaN, 3, NaN], { dtype });
    await expectExportMatches((x, y) => [x.maximum(y), x.minimum(y)], [a, b]);
  });

  it.each([
    ['eq', (a: Tensor, b: Tensor) => a.eq(b)],
    ['ne', (a: Tensor, b: Tensor) => a.ne(b)],
    ['lt', (a: Tensor, b: Tensor) => a.lt(b)],
    ['le', (a: Tensor, b: Tensor) => a.le(b)],
    ['gt', (a: Tensor, b: Tensor) => a.gt(b)],
    ['ge', (a: Tensor, b: Tensor) => a.ge(b)],
    ['logicalAnd', (a: Tensor, b: Tensor) => a.gt(0).logicalAnd(b.lt(0))],
    ['logicalOr', (a: Tensor, b: Tensor) => a.gt(0).logicalOr(b)],
  ])('comparison / logical %s with ties and broadcasting', async (_name, f) => {
    const ints = (shape: number[]): Tensor => n(shape).mul(1.5).round();
    await expectExportMatches(f, [ints([4, 1, 3]), ints([2, 3])], { fresh: [ints([4, 1, 3]), ints([2, 3])] });
  });

  it('where with broadcasting and scalar branches', async () => {
    await expectExportMatches((c, a, b) => [where(c.gt(0), a, b), where(c.lt(0), a, 0.5)], [n([3, 1]), n([1, 4]), n([3, 4])]);
  });

  it.each([
    ['int32', (x: Tensor) => x.mul(3).cast('int32')],
    ['int64', (x: Tensor) => x.mul(3).cast('int64')],
    ['bool', (x: Tensor) => x.round().cast('bool')],
    ['float32/float64', (x: Tensor) => x.cast(dtype === 'float32' ? 'float64' : 'float32')],
    ['int→float', (x: Tensor) => x.mul(4).cast('int32').cast(dtype)],
  ])('cast to %s (float → int truncates toward zero)', async (_name, f) => {
    await expectExportMatches(f, [n([5, 3])], { fresh: [n([5, 3])] });
  });

  it.each([
    ['sum over one axis', (x: Tensor) => x.sum(1)],
    ['sum keepdims', (x: Tensor) => x.sum([0, 2], true)],
    ['sum of everything', (x: Tensor) => x.sum()],
    ['max over one axis', (x: Tensor) => x.max(2)],
    ['max keepdims', (x: Tensor) => x.max([0, 1], true)],
    ['min over everything', (x: Tensor) => x.min()],
    ['min keepdims', (x: Tensor) => x.min(1, true)],
  ])('reduction: %s', async (_name, f) => {
    await expectExportMatches(f, [n([3, 4, 5])], { fresh: [n([3, 4, 5])] });
  });

  it('max and min propagate NaN, as the engine (ORT ReduceMax/Min alone would skip it)', async () => {
    const t = tensor([[1, NaN, 3], [4, 5, 6]], { dtype });
    await expectExportMatches((v) => [v.max(1), v.min(1, true), v.max(), v.min(0)], [t], { fresh: [n([2, 3])] });
  });

  it('reshape, permute, expand', async () => {
    await expectExportMatches((x) => [x.reshape([6, 2]), x.reshape([-1]), x.permute([2, 0, 1]), x.reshape([3, 1, 4]).expand([2, 3, 5, 4])], [n([3, 2, 2])], { fresh: [n([3, 2, 2])] });
  });

  it('slice with positive and negative steps', async () => {
    await expectExportMatches((x) => [
      x.slice([[1, 4], [null, null, 2]]),
      x.slice([[null, null, -1]]),
      x.slice([[null, null, -2], [5, 0, -3]]),
      x.slice([[-2, null], [-1, null, -1]]),
      x.slice([[3, 1]]),
    ], [n([5, 6])], { fresh: [n([5, 6])] });
  });

  it('pad (zeros) and pad with a value', async () => {
    await expectExportMatches((x) => [x.pad([1, 0], [2, 3]), x.pad([0, 2], [1, 0], -1.5)], [n([2, 3])], { fresh: [n([2, 3])] });
  });

  it('concat, mixed dtypes promote', async () => {
    const other = dtype === 'float32' ? 'float64' : 'float32';
    await expectExportMatches((a, b, c) => [concat([a, b, a], 1), concat([a, c], 0)], [n([2, 3]), n([2, 1]), randn([4, 3], { dtype: other })]);
  });

  it('gather (torch.gather semantics → GatherElements)', async () => {
    const idx = tensor([[0, 2, 2, 1], [3, 0, 1, 1], [2, 2, 0, 3]], { dtype: 'int64' });
    await expectExportMatches((x, i) => [x.gather(1, i), x.gather(0, i.slice([null, [0, 3]]).minimum(2))], [n([3, 4]), idx], { fresh: [n([3, 4]), idx] });
  });

  it('gather with float indices holding whole numbers', async () => {
    await expectExportMatches((x, i) => x.gather(1, i), [n([2, 3]), tensor([[2, 0], [1, 1]], { dtype })]);
  });

  it('scatterAdd (→ ScatterElements reduction add), with repeated indices', async () => {
    const idx = tensor([[0, 1, 0], [2, 2, 2]], { dtype: 'int64' });
    await expectExportMatches((b, i, s) => [b.scatterAdd(1, i, s), b.scatterAdd(0, i.minimum(1), s)], [n([2, 4]), idx, n([2, 3])], { fresh: [n([2, 4]), idx, n([2, 3])] });
  });

  it('matmul: 2-D, batched, broadcast batch, vector', async () => {
    await expectExportMatches((a, b, c, v) => [a.matmul(b), c.matmul(b), c.matmul(v), v.matmul(b)], [n([3, 4]), n([4, 5]), n([2, 3, 4]), n([4])], { fresh: [n([3, 4]), n([4, 5]), n([2, 3, 4]), n([4])] });
  });
});

describe('integer and bool dtypes', () => {
  it('arithmetic, reductions and comparisons on int32/int64/bool', async () => {
    const a = tensor([[1, -2, 3], [4, 5, -6]], { dtype: 'int32' });
    const b = tensor([7, -8, 9], { dtype: 'int64' });
    const c = tensor([true, false, true]);
    await expectExportMatches((x, y, z) => [
      x.add(y), x.mul(y).neg(), x.sum(), x.sum(0), x.max(1), y.abs().sign(), x.lt(y), z.logicalAnd(x.gt(0)), x.div(2), x.add(z), z.eq(z.logicalNot()), z.sum(), x.gt(0).max(1),
    ], [a, b, c]);
  });
});

describe('exportOnnx', () => {
  it('exports constants as initializers and inputs as graph inputs', async () => {
    const x = randn([3]);
    const w = randn([3]);
    const m = await expectExportMatches((t) => t.mul(w).add(1), [x], { fresh: [randn([3])] });
    expect(m.inputNames).toEqual(['input_0']);
    expect(m.outputNames).toEqual(['output_0']);
    expect(m.model.graph.input!.map((i) => i.name)).toEqual(['input_0']);
    expect(m.model.graph.initializer!.length).toBe(2);
  });

  it('drops dead primitives and follows detached inputs', async () => {
    const m = await expectExportMatches((t) => {
      t.exp(); // dead
      return t.detach().mul(2);
    }, [randn([4])], { fresh: [randn([4])] });
    expect(m.stats).toEqual({ traced: 2, exported: 1 });
  });

  it('can return an input unchanged and name inputs and outputs', async () => {
    const x = randn([2]);
    const { exportOnnx } = await import('./export.js');
    const m = exportOnnx((t) => [t, t.neg()], [x], { inputNames: ['x'], outputNames: ['same', 'negated'] });
    expect(m.model.graph.output!.map((o) => o.name)).toEqual(['same', 'negated']);
    await expectExportMatches((t) => [t, t.neg()], [x]);
  });

  it('refuses in-place updates inside fn (they are not traced)', async () => {
    const { exportOnnx } = await import('./export.js');
    expect(() => exportOnnx((t) => t.add_(1), [randn([2])])).toThrow(/in place/);
    expect(() => exportOnnx((t) => t.mul(2).add_(1), [randn([2])])).toThrow(/result of mul was updated in place/);
  });

  it('covered every primitive', () => {
    expect(Object.keys(lowerings).filter((p) => !exercised.has(p))).toEqual([]);
  });
});
