/**
 * Data never becomes code through the MindSpore facade: string, object, BigInt, boolean and array
 * payloads through `ops` creation and scalar operands, shapes, `initializer` and the
 * `common.initializer` classes (at construction, before a `Dense` could fill with them) are a clear
 * error at the call (MindSpore's validator wording where it has one) and nothing they carry runs.
 * Runs on the suite's backend (cpu, then wasm).
 */
import { describe, expect, it } from 'vitest';
import { injectionPayloads, refusal } from '@rosetta/core/testing';
import { Tensor, nn, ops } from './index.js';
import { Constant, HeUniform, Normal, TruncatedNormal, Uniform, XavierUniform, initializer } from './common/initializer/index.js';

const x = (): Tensor => Tensor([[1, 2], [3, 4]]);
const any = (p: unknown): never => p as never;

/** Site → [the text the error must carry, the work]. */
const sites: Record<string, [string, (p: unknown) => unknown]> = {
  'ops.ones shape': ["For 'ones'", (p) => ops.ones([2, any(p)]).asnumpy()],
  'ops.zeros shape': ["For 'zeros'", (p) => ops.zeros([any(p)]).asnumpy()],
  'ops.add y': ["add(): argument 'other'", (p) => ops.add(x(), any(p)).asnumpy()],
  'ops.pow y': ["pow(): argument 'other'", (p) => ops.pow(x(), any(p)).asnumpy()],
  'ops.maximum y': ["maximum(): argument 'other'", (p) => ops.maximum(x(), any(p)).asnumpy()],
  'ops.where y': ["where(): argument 'other'", (p) => ops.where(x().gt(2), x(), any(p)).asnumpy()],
  'Tensor.reshape shape': ["reshape(): argument 'shape'", (p) => x().reshape([any(p), 2]).asnumpy()],
  'initializer init': ["For 'initializer'", (p) => initializer(any(p), [2]).asnumpy()],
  'initializer shape': ["For 'initializer'", (p) => initializer('zeros', [any(p)]).asnumpy()],
  'Constant value': ["For 'Constant', the type of 'value'", (p) => Constant(any(p))],
  'Normal sigma': ["For 'Normal', the type of 'sigma'", (p) => Normal(any(p))],
  'Uniform scale': ["For 'Uniform', the type of 'scale'", (p) => Uniform(any(p))],
  'TruncatedNormal sigma': ["For 'TruncatedNormal', the type of 'sigma'", (p) => TruncatedNormal(any(p))],
  'HeUniform negative_slope': ["For 'HeUniform', the type of 'negative_slope'", (p) => HeUniform(any(p))],
  'XavierUniform gain': ["For 'XavierUniform', the type of 'gain'", (p) => XavierUniform(any(p))],
};

describe('mindspore: no code from data', () => {
  const cases = Object.entries(sites).flatMap(([site, [fn, run]]) => injectionPayloads().map((p) => ({ site, fn, run, p })));
  it.each(cases.map((c) => [`${c.site} ← ${c.p.name}`, c] as const))('%s is a clear error and runs nothing', (_, { fn, run, p }) => {
    // `initializer(3n-like)`: a list payload is not an Initializer either; a plain object last in a
    // call to an initializer class is the keywords object, so its keys are unexpected keywords.
    const kw = p.name.startsWith('object') && /^For '(Normal|Uniform|TruncatedNormal|HeUniform|XavierUniform)'/.test(fn);
    const want = kw ? `${fn.split("'")[1]}() got an unexpected keyword argument` : fn;
    expect(refusal(want, run, p).message).toContain(want);
  });

  it('Dense with a valid Constant initializer fills the weight with it', () => {
    const net = nn.Dense(3, 2, { weight_init: Constant(0.5) });
    expect(net.weight.asnumpy().tolist()).toEqual([[0.5, 0.5, 0.5], [0.5, 0.5, 0.5]]);
  });
});
