/**
 * Data never becomes code through the Gluon facade: string, object, BigInt, boolean and array
 * payloads through `nd` creation, scalar operands, sizes and `mx.init` initializers (at
 * construction, before `Dense.initialize` could fill with them) are a clear error at the call and
 * nothing they carry runs. Runs on the suite's backend (cpu, then wasm).
 */
import { describe, expect, it } from 'vitest';
import { injectionPayloads, refusal } from '@rosetta/core/testing';
import * as mx from './index.js';
import { nn } from './gluon/index.js';

const { nd } = mx;
const x = (): mx.NDArray => nd.array([[1, 2], [3, 4]]);
const any = (p: unknown): never => p as never;

/** Site → [the text the error must carry, the work]. */
const sites: Record<string, [string, (p: unknown) => unknown]> = {
  'nd.full val': ["full(): argument 'val'", (p) => nd.full([2], any(p)).asnumpy()],
  'nd.full shape': ['full', (p) => nd.full([2, any(p)], 1).asnumpy()],
  'nd.zeros shape': ['full', (p) => nd.zeros([any(p), 2]).asnumpy()],
  'nd.ones shape': ['full', (p) => nd.ones([2, any(p)]).asnumpy()],
  'add other': ['add()', (p) => x().add(any(p)).asnumpy()],
  'mul other': ['mul()', (p) => x().mul(any(p)).asnumpy()],
  'pow other': ['pow()', (p) => x().pow(any(p)).asnumpy()],
  'rsub other': ['sub()', (p) => x().rsub(any(p)).asnumpy()],
  'clip a_min': ["clamp(): argument 'min'", (p) => x().clip(any(p), 3).asnumpy()],
  'broadcast_to shape': ["expand(): argument 'size'", (p) => nd.array([1]).broadcast_to([2, any(p)]).asnumpy()],
  'reshape shape': ["reshape(): argument 'shape'", (p) => x().reshape([any(p), 2]).asnumpy()],
  'init.Constant value': ["Constant(): argument 'value'", (p) => mx.init.Constant(any(p))],
  'init.Uniform scale': ["Uniform(): argument 'scale'", (p) => mx.init.Uniform(any(p))],
  'init.Normal sigma': ["Normal(): argument 'sigma'", (p) => mx.init.Normal(any(p))],
  'init.Xavier magnitude': ["Xavier(): argument 'magnitude'", (p) => mx.init.Xavier({ magnitude: any(p) })],
};

describe('gluon: no code from data', () => {
  const cases = Object.entries(sites).flatMap(([site, [fn, run]]) => injectionPayloads().map((p) => ({ site, fn, run, p })));
  it.each(cases.map((c) => [`${c.site} ← ${c.p.name}`, c] as const))('%s is a clear error and runs nothing', (_, { fn, run, p }) => {
    // A plain object as the last argument is the keywords object: its keys are unexpected keywords.
    const want = p.name.startsWith('object') && /^(Constant|Uniform|Normal)\(\)/.test(fn) ? fn.split(':')[0]! : fn;
    expect(refusal(want, run, p).message).toContain(want);
  });

  it('Dense.initialize with a valid Constant fills the weight with it', () => {
    const net = nn.Dense(2, { in_units: 3 });
    net.initialize(mx.init.Constant(0.5));
    expect(net.weight.data().asnumpy().tolist()).toEqual([[0.5, 0.5, 0.5], [0.5, 0.5, 0.5]]);
  });
});
