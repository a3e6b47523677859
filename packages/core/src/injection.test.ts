/**
 * Data never becomes code: string, object, BigInt, boolean and array payloads through every
 * creation, fill, scalar-operand, constant-initializer and shape argument of core are a clear
 * error at the call (a RosettaError naming the function and the argument), nothing they carry
 * runs, and nothing coerces them (an object payload's valueOf/toString are never called). Runs on
 * the backend the suite runs on (cpu, then wasm).
 */
import { describe, expect, it } from 'vitest';
import {
  arange, clamp, constant_, expand, eye, full, fullLike, linspace, normal, normal_, ones, pad, rand, randn, reshape,
  getBackend, tensor, truncNormal_, uniform, uniform_, where, zeros, type Tensor,
} from './index.js';
import { injectionPayloads, PWNED, refusal } from './testing/injection.js';
import { jsNumber } from './backend/cpu/js-expr.js';
import { assertKernelNumeric, type Kernel } from './ir/kernel.js';
import { mkConst } from './ir/lazy.js';

const g = globalThis as Record<string, unknown>;

const x = (): Tensor => tensor([[1, 2], [3, 4]]);
const cond = (): Tensor => tensor([[true, false], [false, true]]);

/** Every core entry point a payload can reach: the function the error must name, and the work. */
const sites: Record<string, [string, (p: unknown) => unknown]> = {
  'full fill_value': ['full', (p) => full([2], p as number).tolist()],
  'full size': ['full', (p) => full([2, p as number], 1).tolist()],
  'zeros size': ['full', (p) => zeros([p as number]).tolist()],
  'ones size': ['full', (p) => ones([2, p as number]).tolist()],
  'fullLike fill_value': ['full', (p) => fullLike(x(), p as number).tolist()],
  'arange start': ['arange', (p) => arange(p as number).tolist()],
  'arange step': ['arange', (p) => arange(0, 4, p as number).tolist()],
  'linspace end': ['linspace', (p) => linspace(0, p as number, 3).tolist()],
  'linspace steps': ['linspace', (p) => linspace(0, 1, p as number).tolist()],
  'eye n': ['eye', (p) => eye(p as number).tolist()],
  'uniform low': ['uniform', (p) => uniform([2], p as number, 5).tolist()],
  'normal std': ['normal', (p) => normal([2], 0, p as number).tolist()],
  'rand size': ['uniform', (p) => rand([p as number]).tolist()],
  'randn size': ['normal', (p) => randn([2, p as number]).tolist()],
  'tensor data': ['tensor', (p) => tensor(p as number).tolist()],
  'fill_ value': ['fill_', (p) => zeros([2]).fill_(p as number).tolist()],
  'add other': ['add', (p) => x().add(p as number).tolist()],
  'sub other': ['sub', (p) => x().sub(p as number).tolist()],
  'mul other': ['mul', (p) => x().mul(p as number).tolist()],
  'div other': ['div', (p) => x().div(p as number).tolist()],
  'pow exponent': ['pow', (p) => x().pow(p as number).tolist()],
  'rsub other': ['sub', (p) => x().rsub(p as number).tolist()],
  'rdiv other': ['div', (p) => x().rdiv(p as number).tolist()],
  'maximum other': ['maximum', (p) => x().maximum(p as number).tolist()],
  'gt other': ['gt', (p) => x().gt(p as number).tolist()],
  'where input': ['where', (p) => where(cond(), p as number, x()).tolist()],
  'where other': ['where', (p) => where(cond(), x(), p as number).tolist()],
  'clamp min': ['clamp', (p) => clamp(x(), p as number).tolist()],
  'clamp max': ['clamp', (p) => clamp(x(), 0, p as number).tolist()],
  'pad value': ['pad', (p) => pad(x(), [1, 0], [0, 1], p as number).tolist()],
  'pad width': ['pad', (p) => pad(x(), [p as number, 0], [0, 1]).tolist()],
  'expand size': ['expand', (p) => expand(tensor([1]), [2, p as number]).tolist()],
  'reshape size': ['reshape', (p) => reshape(x(), [p as number, 2]).tolist()],
  'sum dim': ['sum', (p) => x().sum(p as number).tolist()],
  'unsqueeze dim': ['unsqueeze', (p) => x().unsqueeze(p as number).tolist()],
  'constant_ value': ['fill_', (p) => constant_(zeros([2]), p as number).tolist()],
  'uniform_ a': ['uniform_', (p) => uniform_(zeros([2]), p as number, 5).tolist()],
  'normal_ mean': ['normal', (p) => normal_(zeros([2]), p as number).tolist()],
  'truncNormal_ std': ['trunc_normal_', (p) => truncNormal_(zeros([2]), 0, p as number).tolist()],
};

describe('no code from data: every core argument that reaches a kernel takes numbers only', () => {
  const cases = Object.entries(sites).flatMap(([site, [fn, run]]) => injectionPayloads().map((p) => ({ site, fn, run, p })));
  it.each(cases.map((c) => [`${c.site} ← ${c.p.name}`, c] as const))('%s is a clear error and runs nothing', (_, { site, fn, run, p }) => {
    // `tensor(true)`, `tensor(3n)` and `tensor([3])` are data, not code: tensor() takes booleans, bigints and lists.
    if (site === 'tensor data' && ['boolean', 'array', 'BigInt'].includes(p.name)) {
      expect(run(p.value)).toEqual(p.name === 'array' ? [3] : p.name === 'boolean' ? true : 3);
      return;
    }
    expect(refusal(fn, run, p).message).toMatch(new RegExp(`^${fn}\\b`));
  });

  it('the last guards refuse what an API might let through: tensor constants, kernel numbers, JS literals', () => {
    const code = `1; globalThis.${PWNED} = 1`;
    expect(() => mkConst(code as unknown as number, 'float32', [2], getBackend())).toThrow(/tensor constant must be a number, not str/);
    const kernel = (over: Partial<Kernel>): Kernel => ({
      key: 'k', loops: [2], nReduce: 0, reduceOp: null, inputs: [], body: { t: 'const', v: 1, dtype: 'float32' },
      epilogue: null, epiInputs: [], outDtype: 'float32', outSize: 2, ...over,
    });
    expect(assertKernelNumeric(kernel({})).loops).toEqual([2]);
    expect(() => assertKernelNumeric(kernel({ loops: [code as unknown as number] }))).toThrow(/kernel loop size must be a whole number/);
    expect(() => assertKernelNumeric(kernel({ loops: [2.5] }))).toThrow(/kernel loop size must be a whole number/);
    expect(() => assertKernelNumeric(kernel({ body: { t: 'const', v: code as unknown as number, dtype: 'float32' } }))).toThrow(/kernel constant must be a number/);
    expect(() => jsNumber(code as unknown as number)).toThrow(/only numbers become source text/);
    expect(g[PWNED]).toBeUndefined();
  });
});
