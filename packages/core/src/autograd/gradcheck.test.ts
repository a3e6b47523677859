/**
 * Float64 central-difference gradient check of every differentiable primitive in `primitives.ts`
 * and every composite op, on random shapes with broadcasting, size-1 and size-0 dims. Inputs keep
 * away from kinks (abs at 0, ties of max/min, log of negatives). Runs once per registered backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  argmax, concat, getBackend, listBackends, logSigmoid, maximum, minimum, noGrad, oneHot, pow, setBackend,
  stack, sub, tensor, valueAndGrad, where, type Tensor,
} from '../index.js';
import { gradcheck, type GradcheckOptions } from '../test-utils/gradcheck.js';
import type { Primitive } from './primitives.js';
import { recordCustom } from './record.js';
import { vjpRules } from './vjp.js';
import { Rng } from '../test-utils/rng.js';
import { applyMove, broadcastPair, describeChain, randomAxes, randomChain, randomShape } from '../test-utils/shapes.js';
import { sizeOf } from '../shape.js';

type Fn = (...xs: Tensor[]) => Tensor;

/** float64 tensor of `shape` from flat values. */
const f64 = (data: ArrayLike<number>, shape: readonly number[]): Tensor =>
  tensor(Float64Array.from(data), { dtype: 'float64', shape });

/** Input makers: each draws from its own seeded stream. */
function inputs(seed: number) {
  const r = new Rng(seed);
  return {
    normal: (shape: number[], scale = 1) => f64(r.normals(sizeOf(shape)).map((v) => v * scale), shape),
    uniform: (shape: number[], lo: number, hi: number) => f64(r.uniforms(sizeOf(shape), lo, hi), shape),
    positive: (shape: number[]) => f64(r.uniforms(sizeOf(shape), 0.5, 2), shape),
    away: (shape: number[], lo = 0.2, hi = 2) => f64(r.awayFromZero(sizeOf(shape), lo, hi), shape),
    distinct: (shape: number[], scale = 0.5) => f64(r.distinct(sizeOf(shape), scale), shape),
    magnitudes: (shape: number[], scale = 0.3) => f64(r.distinctMagnitudes(sizeOf(shape), scale), shape),
    /** Values k/2 (k whole) or, with `offset`, k/2 + 1/4: two such tensors never tie. */
    grid: (shape: number[], offset: boolean) => f64(Array.from({ length: sizeOf(shape) }, () => (r.int(9) - 4) / 2 + (offset ? 0.25 : 0)), shape),
    bool: (shape: number[]) => tensor(Uint8Array.from({ length: sizeOf(shape) }, () => r.int(2)), { dtype: 'bool', shape }),
    index: (shape: number[], bound: number) => tensor(Float64Array.from({ length: sizeOf(shape) }, () => r.int(bound)), { dtype: 'int64', shape }),
  };
}

function check(fn: Fn, xs: Tensor[], opts?: GradcheckOptions) {
  const report = gradcheck(fn, xs, opts);
  expect(report.ok, report.message).toBe(true);
  return report;
}

const UNARY_SHAPES: number[][] = [[3, 4], [1, 5, 1], [], [0, 3], [2, 0, 1]];

/**
 * Where each primitive's VJP is checked below. Keyed by the mapped type, so adding a primitive to
 * `primitives.ts` without deciding how it is tested here does not compile.
 */
const COVERAGE: { [P in Primitive]: string } = {
  neg: 'unary', exp: 'unary', log: 'unary', sqrt: 'unary', abs: 'unary', sin: 'unary', cos: 'unary', tanh: 'unary',
  reciprocal: 'unary', log1p: 'unary', expm1: 'unary',
  sign: 'zero gradient', floor: 'zero gradient', ceil: 'zero gradient', round: 'zero gradient',
  logicalNot: 'bool output: never recorded',
  add: 'binary', sub: 'binary', mul: 'binary', div: 'binary', pow: 'binary', maximum: 'binary', minimum: 'binary',
  eq: 'bool output: never recorded', ne: 'bool output: never recorded', lt: 'bool output: never recorded',
  le: 'bool output: never recorded', gt: 'bool output: never recorded', ge: 'bool output: never recorded',
  logicalAnd: 'bool output: never recorded', logicalOr: 'bool output: never recorded',
  where: 'where', cast: 'cast', sum: 'reductions', max: 'reductions', min: 'reductions',
  reshape: 'movement', permute: 'movement', expand: 'movement', slice: 'movement', pad: 'movement', concat: 'movement',
  gather: 'gather and scatterAdd', scatterAdd: 'gather and scatterAdd', matmul: 'matmul',
};

describe.each(listBackends())('gradcheck on the %s backend', (backend) => {
  let previous: string;
  beforeAll(() => {
    previous = getBackend().name;
    setBackend(backend);
  });
  afterAll(() => setBackend(previous));

  it('every primitive with a VJP rule has a place in this suite', () => {
    expect(Object.keys(COVERAGE).sort()).toEqual(Object.keys(vjpRules).sort());
  });

  it('the checker itself catches a wrong gradient (a custom VJP off by 1%)', () => {
    const wrongSquare = (x: Tensor): Tensor => {
      const out = noGrad(() => x.mul(x));
      return recordCustom('wrongSquare', [x], out, (g) => [g.mul(x).mul(2.02)]);
    };
    const rep = gradcheck(wrongSquare, [inputs(1).away([2, 3], 0.5, 2)]);
    expect(rep.ok).toBe(false);
    expect(rep.worst!.ratio).toBeGreaterThan(100);
    expect(rep.message).toContain('worst: input 0 at [');
    const right = gradcheck((x) => x.mul(x), [inputs(1).away([2, 3], 0.5, 2)]);
    expect(right.ok, right.message).toBe(true);
    // And a missing gradient is a problem even where the numbers agree (both zero).
    const cut = gradcheck((x) => x.detach().mul(2), [inputs(1).normal([2])]);
    expect(cut.ok).toBe(false);
    expect(cut.problems.join()).toContain('does not require grad');
  });

  describe('unary primitives', () => {
    type Dom = 'normal' | 'positive' | 'away' | 'log1p';
    const table: [string, Fn, Dom][] = [
      ['neg', (x) => x.neg(), 'normal'],
      ['exp', (x) => x.exp(), 'normal'],
      ['log', (x) => x.log(), 'positive'],
      ['sqrt', (x) => x.sqrt(), 'positive'],
      ['abs', (x) => x.abs(), 'away'],
      ['sin', (x) => x.sin(), 'normal'],
      ['cos', (x) => x.cos(), 'normal'],
      ['tanh', (x) => x.tanh(), 'normal'],
      ['reciprocal', (x) => x.reciprocal(), 'away'],
      ['log1p', (x) => x.log1p(), 'log1p'],
      ['expm1', (x) => x.expm1(), 'normal'],
    ];
    const cases = table.flatMap(([name, fn, dom]) => UNARY_SHAPES.map((shape) => [name, shape, fn, dom] as const));
    it.each(cases)('%s on %j', (_name, shape, fn, dom) => {
      const g = inputs(shape.length * 7 + 3);
      const x = dom === 'positive' ? g.positive(shape) : dom === 'away' ? g.away(shape) : dom === 'log1p' ? g.uniform(shape, -0.5, 2) : g.normal(shape);
      check(fn, [x]);
    });

    it('a unary op on a transposed (non-contiguous) input', () => {
      check((x) => x.transpose(0, 1).exp().sin(), [inputs(5).normal([3, 4])]);
    });

    it.each([
      ['sign', (x: Tensor) => x.sign()],
      ['floor', (x: Tensor) => x.floor()],
      ['ceil', (x: Tensor) => x.ceil()],
      ['round', (x: Tensor) => x.round()],
    ] as const)('%s has a zero gradient away from its jumps (as PyTorch: zeros, not null)', (_n, fn) => {
      const r = new Rng(11);
      const x = f64(Array.from({ length: 12 }, () => r.int(7) - 3 + r.uniform(0.1, 0.4)), [3, 4]);
      const rep = check(fn, [x]);
      expect(Array.from(rep.analytic[0]!)).toEqual(new Array(12).fill(0));
    });
  });

  describe('binary primitives with broadcasting', () => {
    const SHAPES: [number[], number[]][] = [
      [[2, 3], [2, 3]],
      [[3, 1, 4], [2, 1]],
      [[1, 3], [1, 1]],
      [[], [2, 3]],
      [[0, 3], [1, 3]],
      [[4, 1], [0]],
    ];
    type Dom = 'normal' | 'div' | 'pow' | 'tie-free';
    const table: [string, Fn, Dom][] = [
      ['add', (a, b) => a.add(b), 'normal'],
      ['sub', (a, b) => a.sub(b), 'normal'],
      ['mul', (a, b) => a.mul(b), 'normal'],
      ['div', (a, b) => a.div(b), 'div'],
      ['pow', (a, b) => a.pow(b), 'pow'],
      ['maximum', (a, b) => a.maximum(b), 'tie-free'],
      ['minimum', (a, b) => a.minimum(b), 'tie-free'],
    ];
    const cases = table.flatMap(([name, fn, dom]) => SHAPES.map(([sa, sb]) => [name, sa, sb, fn, dom] as const));
    it.each(cases)('%s of %j and %j', (_name, sa, sb, fn, dom) => {
      const g = inputs(sa.length * 13 + sb.length);
      // Operand order matters for the VJP of broadcasting: both orders of the shapes are checked.
      for (const [s0, s1] of [[sa, sb], [sb, sa]]) {
        let a: Tensor;
        let b: Tensor;
        if (dom === 'div') [a, b] = [g.normal(s0), g.away(s1, 0.5, 2)];
        else if (dom === 'pow') [a, b] = [g.positive(s0), g.uniform(s1, -2, 2)];
        else if (dom === 'tie-free') [a, b] = [g.grid(s0, false), g.grid(s1, true)];
        else [a, b] = [g.normal(s0), g.normal(s1)];
        check(fn, [a, b]);
      }
    });

    it.each([
      ['x + 2', (x: Tensor) => x.add(2), 'normal'],
      ['x - 2', (x: Tensor) => x.sub(2), 'normal'],
      ['1 - x (rsub)', (x: Tensor) => x.rsub(1), 'normal'],
      ['1 - x (functional sub)', (x: Tensor) => sub(1, x), 'normal'],
      ['3 * x', (x: Tensor) => x.mul(3), 'normal'],
      ['x / 4', (x: Tensor) => x.div(4), 'normal'],
      ['2 / x (rdiv)', (x: Tensor) => x.rdiv(2), 'away'],
      ['x ** 3', (x: Tensor) => x.pow(3), 'normal'],
      ['x ** 2', (x: Tensor) => x.pow(2), 'normal'],
      ['x ** 0.5', (x: Tensor) => x.pow(0.5), 'positive'],
      ['x ** -1.5', (x: Tensor) => x.pow(-1.5), 'positive'],
      ['x ** 0', (x: Tensor) => x.pow(0), 'normal'],
      ['2 ** x', (x: Tensor) => pow(2, x), 'normal'],
      ['maximum(x, 0.3)', (x: Tensor) => maximum(x, 0.3), 'away'],
      ['minimum(-0.3, x)', (x: Tensor) => minimum(-0.3, x), 'away'],
      ['x * x (one input used twice)', (x: Tensor) => x.mul(x), 'normal'],
      ['square', (x: Tensor) => x.square(), 'normal'],
      ['x - exp(x) (fan-out)', (x: Tensor) => x.sub(x.exp()), 'normal'],
    ] as const)('%s', (_name, fn, dom) => {
      const g = inputs(21);
      const shape = [2, 3];
      // `away` keeps x off 0 and ±0.3 (the constants compared against above).
      const x = dom === 'away' ? g.away(shape, 0.5, 2) : dom === 'positive' ? g.positive(shape) : g.normal(shape);
      check(fn, [x]);
    });

    it('pow with a zero exponent element and a base tensor of both signs', () => {
      // d/da a^0 = 0 even at a < 0; d/db at b = 0 is a^0·log a (a > 0 only).
      const a = f64([0.5, 1.5, 2, 0.7], [4]);
      const b = f64([0, 1, -1, 2.5], [4]);
      check((x, y) => x.pow(y), [a, b]);
    });
  });

  describe('where', () => {
    it.each([
      [[3, 4], [3, 4], [3, 4]],
      [[3, 1], [1, 4], [3, 4]],
      [[4], [3, 1], []],
      [[0, 2], [1, 2], [2]],
    ])('cond %j, a %j, b %j', (sc, sa, sb) => {
      const g = inputs(31 + sc.length);
      const cond = g.bool(sc);
      check((a, b) => where(cond, a, b!), [g.normal(sa), g.normal(sb)]);
    });

    it('with a number on either side', () => {
      const g = inputs(32);
      const c = g.bool([2, 3]);
      check((a) => where(c, a, 0.5), [g.normal([2, 3])]);
      check((a) => where(c, -1, a), [g.normal([3])]);
    });
  });

  describe('cast', () => {
    it('float64 → float32 → float64 passes the gradient through, rounded to float32', () => {
      // Central differences through a float32 round trip are meaningless at ε = 1e-6 (a float32
      // ulp at 1 is 1.2e-7), so the analytic gradient is asserted exactly: the weight w rounded
      // to float32 by the backward cast. A coarse numeric check (ε = 1e-2, where float32 rounding
      // perturbs the quotient by ≤ 1e-5) guards the sign and scale.
      const x = inputs(41).normal([2, 5]);
      const fn = (t: Tensor) => t.cast('float32').cast('float64');
      const rep = check(fn, [x], { eps: 1e-2, rtol: 1e-4, atol: 1e-4 });
      expect(Array.from(rep.analytic[0]!)).toEqual(Array.from(Float32Array.from(rep.weight)));
    });

    it('a cast to an integer dtype passes no gradient (as PyTorch)', () => {
      const x = tensor(Float64Array.from([0.5, 1.5, -2.5]), { dtype: 'float64', requiresGrad: true });
      const y = x.cast('int32');
      expect(y.requiresGrad).toBe(false);
      x.mul(2).add(y).sum().backward();
      expect(Array.from(x.grad!.dataSync() as Float64Array)).toEqual([2, 2, 2]);
    });

    it('float64 → float64 is the identity (no cast recorded)', () => {
      check((t) => t.cast('float64').mul(2), [inputs(42).normal([3])]);
    });

    it('through float32 arithmetic the gradient dtype is still the leaf dtype', () => {
      const x = tensor(Float64Array.from([0.5, 1.5, -2]), { dtype: 'float64', requiresGrad: true });
      x.cast('float32').mul(3).sum().backward();
      expect(x.grad!.dtype).toBe('float64');
      expect(Array.from(x.grad!.dataSync() as Float64Array)).toEqual([3, 3, 3]);
    });
  });

  describe('reductions', () => {
    const AXES: [number[], number | number[] | undefined, boolean][] = [
      [[3, 4], undefined, false],
      [[3, 4], 0, false],
      [[3, 4], -1, true],
      [[2, 3, 4], [0, 2], false],
      [[2, 3, 4], [2, 0], true],
      [[1, 5], 0, false],
      [[4, 1], 1, true],
      [[], undefined, false],
      [[0, 3], 0, false],
      [[0, 3], 1, false],
      [[2, 0], undefined, true],
    ];
    const isEmptyReduce = (shape: number[], axis: number | number[] | undefined): boolean => {
      const axes = axis === undefined ? shape.map((_, i) => i) : typeof axis === 'number' ? [axis] : axis;
      return axes.some((a) => shape[a < 0 ? a + shape.length : a] === 0);
    };
    it.each(AXES)('sum of %j over %j (keepdims %s)', (shape, axis, keep) => {
      check((x) => x.sum(axis, keep), [inputs(51).normal(shape)]);
    });
    it.each(AXES)('mean of %j over %j (keepdims %s)', (shape, axis, keep) => {
      if (isEmptyReduce(shape, axis)) return; // mean over nothing is NaN (as PyTorch); asserted in ops tests.
      check((x) => x.mean(axis, keep), [inputs(52).normal(shape)]);
    });
    it.each(AXES.filter(([s, a]) => !isEmptyReduce(s, a)))('max and min of %j over %j (keepdims %s)', (shape, axis, keep) => {
      const x = inputs(53).distinct(shape);
      check((t) => t.max(axis, keep), [x]);
      check((t) => t.min(axis, keep), [x]);
    });

    it('max over a size-0 dim it does not reduce: an empty gradient of the input shape', () => {
      const rep = check((t) => t.max(1), [f64([], [0, 3])]);
      expect(rep.outShape).toEqual([0]);
    });

    it('max and min share the gradient evenly among tied extrema (torch.amax)', () => {
      const x = tensor(Float64Array.from([1, 3, 3, -2, -2, 0]), { dtype: 'float64', shape: [2, 3], requiresGrad: true });
      x.max().backward();
      expect(Array.from(x.grad!.dataSync() as Float64Array)).toEqual([0, 0.5, 0.5, 0, 0, 0]);
      x.grad = null;
      x.min(1).sum().backward();
      expect(Array.from(x.grad!.dataSync() as Float64Array)).toEqual([1, 0, 0, 0.5, 0.5, 0]);
    });

    it('a reduction of a broadcast expression', () => {
      const g = inputs(54);
      check((a, b) => a.mul(b).sum(1), [g.normal([3, 1]), g.normal([4])]);
    });
  });

  describe('movement', () => {
    const g = () => inputs(61);
    it.each([
      ['reshape [3,4] → [2,6]', [3, 4], (x: Tensor) => x.reshape([2, 6])],
      ['reshape with -1', [3, 4], (x: Tensor) => x.reshape([-1, 2, 3])],
      ['reshape [1,1] → []', [1, 1], (x: Tensor) => x.reshape([])],
      ['reshape [0,3] → [3,0]', [0, 3], (x: Tensor) => x.reshape([3, 0])],
      ['reshape of a transposed tensor (copies)', [3, 4], (x: Tensor) => x.transpose(0, 1).reshape([12])],
      ['reshape of a lazy expression', [3, 4], (x: Tensor) => x.exp().reshape([4, 3]).mul(x.reshape([4, 3]))],
      ['permute [2,3,4] by [2,0,1]', [2, 3, 4], (x: Tensor) => x.permute([2, 0, 1])],
      ['permute with negative dims', [2, 3, 4], (x: Tensor) => x.permute([-1, -3, -2])],
      ['transpose', [3, 4], (x: Tensor) => x.transpose(0, 1)],
      ['permute of size-0', [0, 2, 3], (x: Tensor) => x.permute([1, 2, 0])],
      ['expand [3,1] → [2,3,4]', [3, 1], (x: Tensor) => x.expand([2, 3, 4])],
      ['expand with -1', [1, 4], (x: Tensor) => x.expand([3, -1])],
      ['expand [1,3] → [0,3]', [1, 3], (x: Tensor) => x.expand([0, 3])],
      ['expand a scalar', [], (x: Tensor) => x.expand([2, 2])],
      ['squeeze', [1, 3, 1], (x: Tensor) => x.squeeze()],
      ['squeeze one axis', [1, 3, 1], (x: Tensor) => x.squeeze(-1)],
      ['unsqueeze', [3, 2], (x: Tensor) => x.unsqueeze(1)],
      ['flatten', [2, 3, 2], (x: Tensor) => x.flatten(1)],
      ['narrow', [4, 3], (x: Tensor) => x.narrow(0, 1, 2)],
      ['narrow with a negative start', [4, 3], (x: Tensor) => x.narrow(1, -2, 2)],
    ] as const)('%s', (_name, shape, fn) => {
      check(fn, [g().normal([...shape])]);
    });

    it.each([
      ['[1:3]', [5], [[1, 3]]],
      ['[-3:-1]', [5], [[-3, -1]]],
      ['[-2:]', [5], [[-2, null]]],
      ['[::2]', [5], [[null, null, 2]]],
      ['[1::3]', [7], [[1, null, 3]]],
      ['[::-1]', [5], [[null, null, -1]]],
      ['[4:0:-2]', [6], [[4, 0, -2]]],
      ['[-1::-3]', [7], [[-1, null, -3]]],
      ['[2:2] (empty)', [5], [[2, 2]]],
      ['[10:20] (clamped, empty)', [5], [[10, 20]]],
      ['[:, 1:]', [3, 4], [null, [1, null]]],
      ['[1::2, ::-2]', [5, 4], [[1, null, 2], [null, null, -2]]],
      ['[-2:, 1:3, ::2]', [3, 4, 5], [[-2, null], [1, 3], [null, null, 2]]],
      ['[::-1] of a size-0 dim', [0, 3], [[null, null, -1], [1, null]]],
    ] as const)('slice %s of %j', (_name, shape, spec) => {
      const s = spec.map((e) => (e === null ? null : [...e])) as (number | null)[][];
      check((x) => x.slice(s), [g().normal([...shape])]);
    });

    it('slice of a permuted tensor, of a lazy expression, and of a slice', () => {
      const x = g().normal([4, 5]);
      check((t) => t.transpose(0, 1).slice([[1, null, 2], [-1, 0, -1]]), [x]);
      check((t) => t.exp().mul(t).slice([[null, null, -2], [1, 4]]), [x]);
      check((t) => t.slice([[1, null]]).slice([[null, null, -1], [null, null, 2]]), [x]);
    });

    it.each([
      [[2, 3], [1, 0], [0, 2], 0],
      [[2, 3], [0, 2], [1, 1], 1.5],
      [[3], [0], [0], 0],
      [[0, 2], [1, 0], [1, 1], 0],
    ])('pad %j by %j / %j with value %s', (shape, before, after, value) => {
      check((x) => x.pad(before, after, value), [g().normal(shape)]);
    });

    it('pad of a slice and slice of a pad', () => {
      const x = g().normal([3, 4]);
      check((t) => t.slice([[null, null, -1]]).pad([1, 1], [0, 2]), [x]);
      check((t) => t.pad([2, 0], [1, 1]).slice([[1, -1], [null, null, 2]]), [x]);
    });

    it.each([
      ['axis 0', [[2, 3], [1, 3], [4, 3]], 0],
      ['axis 1', [[2, 1], [2, 3]], 1],
      ['axis -1 with a size-0 piece', [[2, 2], [2, 0], [2, 1]], -1],
      ['of 1-D pieces', [[3], [2]], 0],
    ] as const)('concat along %s', (_name, shapes, axis) => {
      const gen = g();
      check((...xs) => concat(xs, axis), shapes.map((s) => gen.normal([...s])));
    });

    it('concat of one tensor with itself accumulates both halves', () => {
      check((x) => concat([x, x.mul(2)], 1), [g().normal([2, 3])]);
    });

    it('stack along a new leading and trailing axis', () => {
      const gen = g();
      const xs = [gen.normal([2, 3]), gen.normal([2, 3])];
      check((a, b) => stack([a!, b!], 0), xs);
      check((a, b) => stack([a!, b!], -1), xs);
    });
  });

  describe('gather and scatterAdd', () => {
    it.each([
      [[3, 4], 1, [3, 6]],
      [[3, 4], 0, [5, 4]],
      [[3, 4], -1, [2, 2]],
      [[2, 3, 2], 1, [2, 4, 1]],
      [[3, 4], 1, [3, 0]],
    ])('gather from %j along %s with index %j (repeats accumulate)', (xs, axis, is) => {
      const gen = inputs(71);
      const bound = xs[axis < 0 ? axis + xs.length : axis]!;
      const idx = gen.index(is, bound);
      check((x) => x.gather(axis, idx), [gen.normal(xs)]);
    });

    it('gather with float indices holding whole numbers', () => {
      const gen = inputs(72);
      const idx = f64([2, 0, 0, 1, 2, 2], [3, 2]);
      check((x, i) => x.gather(1, i!), [gen.normal([3, 3]), idx], { wrt: [0] });
    });

    it.each([
      [[3, 4], 1, [3, 5]],
      [[4, 2], 0, [6, 2]],
      [[2, 3], 1, [2, 0]],
    ])('scatterAdd into %j along %s with index %j', (bs, axis, is) => {
      const gen = inputs(73);
      const idx = gen.index(is, bs[axis]!);
      check((base, src) => base.scatterAdd(axis, idx, src!), [gen.normal(bs), gen.normal(is)]);
    });

    it('scatterAdd into a lazy base', () => {
      const gen = inputs(74);
      const idx = gen.index([2, 3], 3);
      check((base, src) => base.exp().scatterAdd(1, idx, src!.mul(src!)), [gen.normal([2, 3]), gen.normal([2, 3])]);
    });
  });

  describe('matmul', () => {
    it.each([
      ['1-D · 1-D', [4], [4]],
      ['1-D · 2-D', [4], [4, 3]],
      ['2-D · 1-D', [3, 4], [4]],
      ['2-D · 2-D', [3, 4], [4, 2]],
      ['batched 3-D · 2-D', [2, 3, 4], [4, 5]],
      ['batched broadcast [2,1,3,4] · [5,4,2]', [2, 1, 3, 4], [5, 4, 2]],
      ['1-D · batched', [4], [2, 4, 3]],
      ['K = 0', [3, 0], [0, 2]],
      ['M = 0', [0, 4], [4, 2]],
      ['size-1 dims', [1, 1], [1, 3]],
    ])('%s: %j @ %j', (_name, sa, sb) => {
      const gen = inputs(81);
      check((a, b) => a.matmul(b!), [gen.normal(sa), gen.normal(sb)]);
    });

    it('transposed operands (read through strides)', () => {
      const gen = inputs(82);
      const a = gen.normal([4, 3]);
      const b = gen.normal([2, 4]);
      check((x, y) => x.transpose(0, 1).matmul(y!.transpose(0, 1)), [a, b]);
      check((x, y) => x.transpose(1, 0).matmul(y!.transpose(0, 1).exp()), [a, b]);
    });

    it('operands that are lazy expressions, sliced or broadcast', () => {
      const gen = inputs(83);
      check((x, y) => x.exp().matmul(y!.slice([[null, null, 2]])), [gen.normal([2, 3]), gen.normal([6, 2])]);
      check((x, y) => x.expand([2, 3, 3]).matmul(y!), [gen.normal([3, 3]), gen.normal([2, 3, 1])]);
    });
  });

  describe('composites', () => {
    it.each([
      ['relu', (x: Tensor) => x.relu(), 'away'],
      ['sigmoid', (x: Tensor) => x.sigmoid(), 'wide'],
      ['softplus', (x: Tensor) => x.softplus(), 'wide'],
      ['logSigmoid', (x: Tensor) => logSigmoid(x), 'wide'],
      ['clamp(-0.5, 0.5)', (x: Tensor) => x.clamp(-0.5, 0.5), 'grid'],
      ['clamp(min 0.3)', (x: Tensor) => x.clamp(0.3), 'grid'],
      ['clamp(max -0.3)', (x: Tensor) => x.clamp(null, -0.3), 'grid'],
      ['tanh of sigmoid of relu', (x: Tensor) => x.relu().sigmoid().tanh(), 'away'],
    ] as const)('%s', (_n, fn, dom) => {
      const r = new Rng(91);
      const n = 12;
      const data =
        dom === 'away' ? r.awayFromZero(n, 0.1, 3)
        // Includes |x| = 20 and 30, where a naive 1/(1+e^-x) or log(1+e^x) loses its gradient.
        : dom === 'wide' ? Float64Array.from([...r.normals(n - 4).map((v) => 3 * v), -30, -20, 20, 30])
        // Off the clamp bounds ±0.5, ±0.3 by ≥ 0.05.
        : Float64Array.from({ length: n }, () => (r.int(13) - 6) * 0.2 + 0.05);
      check(fn, [f64(data, [3, 4])]);
    });

    const SM_CASES: [number[], number][] = [[[3, 4], 1], [[3, 4], 0], [[2, 3, 4], -2], [[3, 1], 1], [[0, 4], 1], [[2, 0], 1], [[4], 0]];
    it.each(SM_CASES)('softmax of %j along %s', (shape, axis) => {
      check((x) => x.softmax(axis), [inputs(92).normal(shape, 2)]);
    });
    it.each(SM_CASES)('logSoftmax of %j along %s (custom VJP)', (shape, axis) => {
      check((x) => x.logSoftmax(axis), [inputs(93).normal(shape, 2)]);
    });

    it('softmax and logSoftmax with large logits (±1e3) keep finite, correct gradients', () => {
      const x = f64([1000, 999, -1000, 0, -1000, -999.5], [2, 3]);
      check((t) => t.softmax(1), [x]);
      check((t) => t.logSoftmax(1), [x]);
    });

    it.each([
      [[3, 4], undefined, false],
      [[3, 4], 1, false],
      [[3, 4], 0, true],
      [[2, 3, 4], [0, 2], false],
      [[1, 3], 0, false],
      [[3, 0], 0, false],
    ] as const)('logsumexp of %j over %j (keepdims %s)', (shape, axis, keep) => {
      const ax = axis === undefined ? undefined : typeof axis === 'number' ? axis : [...axis];
      check((x) => x.logsumexp(ax, keep), [inputs(94).normal([...shape], 2)]);
    });

    it.each([
      [[3, 4], undefined, 1, false],
      [[3, 4], 0, 1, false],
      [[3, 4], 1, 0, true],
      [[2, 3, 4], [0, 2], 1, false],
      [[5], -1, 2, false],
    ] as const)('variance and std of %j over %j (correction %s, keepdims %s)', (shape, axis, corr, keep) => {
      const ax = axis === undefined ? undefined : typeof axis === 'number' ? axis : [...axis];
      const x = inputs(95).normal([...shape]);
      check((t) => t.variance(ax, corr, keep), [x]);
      check((t) => t.std(ax, corr, keep), [x]);
    });

    it.each([
      [1, undefined], [2, undefined], [3, undefined], [Infinity, undefined], [-Infinity, undefined],
      [1, 1], [2, 0], [3, -1], [Infinity, 1], [0.5, 1],
    ] as const)('norm p=%s over %j', (p, axis) => {
      check((x) => x.norm(p, axis), [inputs(96).magnitudes([3, 4])]);
    });

    it('norm with keepdims, and over a size-0 axis (0, with an empty gradient)', () => {
      check((x) => x.norm(2, 1, true), [inputs(97).magnitudes([2, 3])]);
      const rep = check((x) => x.norm(2, 1), [f64([], [2, 0])]);
      expect(Array.from(rep.weight).length).toBe(2);
    });

    it.each([1, 2, 3, Infinity])('the p=%s norm of a zero row has gradient 0, not NaN (as PyTorch)', (p) => {
      const x = tensor(Float64Array.from([0, 0, 0, 3, -4, 1]), { dtype: 'float64', shape: [2, 3], requiresGrad: true });
      x.norm(p, 1).sum().backward();
      const g = Array.from(x.grad!.dataSync() as Float64Array);
      expect(g.slice(0, 3)).toEqual([0, 0, 0]);
      expect(g.slice(3).every(Number.isFinite)).toBe(true);
    });

    it('mean of a size-1 axis and of a broadcast difference (the L1 loss)', () => {
      const gen = inputs(98);
      check((x) => x.mean(0), [gen.normal([1, 4])]);
      check((x, y) => x.sub(y!).abs().mean(), [gen.grid([3, 4], false), gen.grid([4], true)]);
    });

    it('cross-entropy built from logSoftmax, gather and mean', () => {
      const gen = inputs(99);
      const labels = gen.index([4, 1], 5);
      check((x) => x.logSoftmax(1).gather(1, labels).neg().mean(), [gen.normal([4, 5], 2)]);
    });

    it('binary cross-entropy with logits from softplus and mul', () => {
      const gen = inputs(100);
      const y = gen.uniform([3, 4], 0, 1);
      check((x) => x.softplus().sub(x.mul(y)).mean(), [gen.normal([3, 4], 3)]);
    });
  });

  describe('random shapes (seeded)', () => {
    const r = new Rng(4242);
    const BINARY: [string, Fn][] = [
      ['add', (a, b) => a.add(b!)],
      ['sub', (a, b) => a.sub(b!)],
      ['mul', (a, b) => a.mul(b!)],
      ['div', (a, b) => a.div(b!)],
      ['pow', (a, b) => a.pow(b!)],
      ['maximum', (a, b) => a.maximum(b!)],
      ['minimum', (a, b) => a.minimum(b!)],
    ];
    const pairs = BINARY.flatMap(([name, fn]) => Array.from({ length: 6 }, () => [name, ...broadcastPair(r), fn] as const));
    it.each(pairs)('%s of %j and %j', (name, sa, sb, fn) => {
      const g = inputs(sa.length * 31 + sb.length * 7 + name.length);
      const [a, b] =
        name === 'div' ? [g.normal(sa), g.away(sb, 0.5, 2)]
        : name === 'pow' ? [g.positive(sa), g.uniform(sb, -2, 2)]
        : name === 'maximum' || name === 'minimum' ? [g.grid(sa, false), g.grid(sb, true)]
        : [g.normal(sa), g.normal(sb)];
      check(fn, [a, b]);
    });

    type Red = (x: Tensor, axes: number[], keep: boolean) => Tensor;
    const REDUCE: [string, Red][] = [
      ['sum', (x, a, k) => x.sum(a, k)],
      ['mean', (x, a, k) => x.mean(a, k)],
      ['max', (x, a, k) => x.max(a, k)],
      ['min', (x, a, k) => x.min(a, k)],
      ['logsumexp', (x, a, k) => x.logsumexp(a, k)],
      ['softmax', (x, a) => x.softmax(a[0]!)],
      ['logSoftmax', (x, a) => x.logSoftmax(a[0]!)],
      ['variance', (x, a, k) => x.variance(a, 0, k)],
    ];
    const reductions = REDUCE.flatMap(([name, fn]) => Array.from({ length: 5 }, () => {
      const shape = randomShape(r, 1, 4, 3);
      return [name, shape, randomAxes(r, shape.length), r.next() < 0.5, fn] as const;
    }));
    it.each(reductions)('%s of %j over %j (keepdims %s)', (_name, shape, axes, keep, fn) => {
      check((x) => fn(x, axes, keep), [inputs(shape.length * 5 + axes.length).distinct(shape, 0.3)]);
    });

    const chains = Array.from({ length: 30 }, (_, i) => {
      const shape = randomShape(r, 1, 3, 3, i % 10 === 9);
      return { i, shape, ops: randomChain(r, shape, 2 + r.int(4), 36) };
    });
    for (const { i, shape, ops } of chains) {
      it(`movement chain ${i} from [${shape.join(', ')}]: ${describeChain(ops)}`, () => {
        const rep = gradcheck((x) => ops.reduce(applyMove, x), [inputs(300).uniform(shape, -1, 1)]);
        expect(rep.ok, rep.message).toBe(true);
      });
    }
  });

  describe('reductions of reductions (the inner reduction is realized first)', () => {
    it('sum(1).mean() (a per-sample loss averaged over the batch)', () => {
      check((x) => x.mul(x).sum(1).mean(), [inputs(120).normal([3, 4])]);
    });
    it('max(1).sum()', () => {
      check((x) => x.max(1).sum(), [inputs(121).distinct([3, 4])]);
    });
    it('the backward of expand after expand (sumTo of sumTo)', () => {
      check((x) => x.expand([2, 1, 3]).expand([2, 2, 3]), [inputs(122).normal([1, 3])]);
    });
    it('std of row sums', () => {
      check((x) => x.sum(1).std(), [inputs(123).normal([4, 3])]);
    });
  });

  describe('autograd semantics', () => {
    it('valueAndGrad agrees with the numeric gradient and leaves the arguments untouched', () => {
      const gen = inputs(111);
      const a = gen.normal([3, 4]);
      const b = gen.positive([4]);
      const f = (x: Tensor, y: Tensor) => x.div(y).tanh().sum();
      const [value, [ga, gb]] = valueAndGrad(f)(a, b);
      expect(value.item()).toBeCloseTo(noGrad(() => f(a, b)).item(), 12);
      expect(a.grad).toBeNull();
      // The same gradient via the checker (whose weight makes the loss Σ f · w, w a scalar here).
      const rep = check(f, [a, b]);
      const w = rep.weight[0]!;
      Array.from(ga!.dataSync() as Float64Array).forEach((v, i) => expect(v * w).toBeCloseTo(rep.numeric[0]![i]!, 6));
      Array.from(gb!.dataSync() as Float64Array).forEach((v, i) => expect(v * w).toBeCloseTo(rep.numeric[1]![i]!, 6));
    });

    it('valueAndGrad gives zeros for an argument the value does not use (even at ±inf)', () => {
      const [, [, unused]] = valueAndGrad((a: Tensor, _b: Tensor) => a.sum())(tensor([1, 2]), tensor([Infinity, NaN]));
      expect(unused!.tolist()).toEqual([0, 0]);
    });

    it('gradients accumulate over two backward calls and detach cuts the tape', () => {
      const x = tensor(Float64Array.from([1, 2, 3]), { dtype: 'float64', requiresGrad: true });
      x.mul(x).sum().backward();
      x.mul(3).sum().backward();
      expect(Array.from(x.grad!.dataSync() as Float64Array)).toEqual([5, 7, 9]);
      x.grad = null;
      x.mul(x.detach()).sum().backward();
      expect(Array.from(x.grad!.dataSync() as Float64Array)).toEqual([1, 2, 3]);
    });

    it('in-place ops on a non-leaf keep its history (add_, sub_, mul_ with itself, div_, copy_)', () => {
      const g = inputs(112);
      check((x) => {
        const y = x.mul(2);
        y.add_(1);
        return y;
      }, [g.normal([2, 3])]);
      check((x, w) => {
        const y = x.exp();
        y.mul_(y);
        y.sub_(w!);
        y.div_(3);
        return y;
      }, [g.normal([2, 3]), g.normal([3])]);
      check((x, w) => {
        const y = x.mul(1);
        y.copy_(w!.mul(5));
        return y.add(x);
      }, [g.normal([2, 3]), g.normal([3])]);
    });

    it('an in-place update of a leaf under noGrad (an optimizer step) between two recorded forwards', () => {
      const w = tensor(Float64Array.from([1, -2]), { dtype: 'float64', requiresGrad: true });
      w.mul(w).sum().backward();
      noGrad(() => w.sub_(w.grad!.mul(0.25)));
      expect(w.tolist()).toEqual([0.5, -1]);
      w.grad = null;
      w.mul(w).sum().backward();
      expect(w.grad!.tolist()).toEqual([1, -2]);
    });

    it('noGrad records nothing', () => {
      const x = tensor([1, 2], { requiresGrad: true });
      const y = noGrad(() => x.mul(2));
      expect(y.requiresGrad).toBe(false);
      expect(y.gradFn).toBeNull();
    });
  });

  describe('non-differentiable ops: values', () => {
    it('argmax of a tensor that requires grad is int64, off the tape, with first-maximum ties', () => {
      const x = tensor([[1, 5, 5, 2], [7, 0, 7, 7], [-1, -2, -3, -1]], { dtype: 'float64', requiresGrad: true });
      const i = argmax(x, 1);
      expect(i.dtype).toBe('int64');
      expect(i.requiresGrad).toBe(false);
      expect(i.tolist()).toEqual([1, 0, 0]);
      expect(x.argmax().item()).toBe(4);
      expect(argmax(x, 0, true).tolist()).toEqual([[1, 0, 1, 1]]);
    });

    it('oneHot of labels is int64 and off the tape', () => {
      const labels = tensor([2, 0, 1, 2], { dtype: 'int64' });
      const o = oneHot(labels, 4);
      expect(o.dtype).toBe('int64');
      expect(o.requiresGrad).toBe(false);
      expect(o.tolist()).toEqual([[0, 0, 1, 0], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]);
      expect(oneHot(tensor([1, 0], { dtype: 'int64' })).tolist()).toEqual([[0, 1], [1, 0]]);
    });
  });
});
