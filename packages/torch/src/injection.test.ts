/**
 * Data never becomes code through the torch facade: string, object, BigInt, boolean and array
 * payloads through every creation, fill, scalar-operand and size argument are PyTorch's
 * `TypeError` (or a Rosetta error naming the function) at the call, and nothing they carry runs.
 * Runs on the suite's backend (cpu, then wasm).
 */
import { describe, expect, it } from 'vitest';
import { injectionPayloads, refusal } from '@rosetta/core/testing';
import * as torch from './index.js';

const x = (): torch.Tensor => torch.tensor([[1, 2], [3, 4]]);
const any = (p: unknown): never => p as never;

/**
 * Site → [the text the error must carry, the work]. A plain object last in a call is the keywords
 * object (CONVENTIONS.md), so there the error is the unexpected keyword `valueOf`.
 */
const sites: Record<string, [string, (p: unknown) => unknown]> = {
  'full fill_value': ["full(): argument 'fill_value'", (p) => torch.full([1], any(p)).tolist()],
  'full size': ["full(): argument 'size'", (p) => torch.full([2, any(p)], 1).tolist()],
  'zeros size': ["zeros()", (p) => torch.zeros(2, any(p)).tolist()],
  'ones size': ["ones(): argument 'size'", (p) => torch.ones([any(p), 2]).tolist()],
  'rand size': ["rand()", (p) => torch.rand(any(p), 2).tolist()],
  'randn size': ["randn()", (p) => torch.randn(2, any(p)).tolist()],
  'full_like fill_value': ["full(): argument 'fill_value'", (p) => torch.full_like(x(), any(p)).tolist()],
  'arange end': ['arange()', (p) => torch.arange(any(p)).tolist()],
  'linspace steps': ['linspace', (p) => torch.linspace(0, 1, any(p)).tolist()],
  'fill_ value': ['fill_()', (p) => torch.zeros(2).fill_(any(p)).tolist()],
  'add other': ['add()', (p) => x().add(any(p)).tolist()],
  'mul other': ['mul()', (p) => x().mul(any(p)).tolist()],
  'div other': ['div()', (p) => x().div(any(p)).tolist()],
  'pow exponent': ['pow()', (p) => x().pow(any(p)).tolist()],
  'torch.pow self': ["pow(): argument 'input'", (p) => torch.pow(any(p), x()).tolist()],
  'torch.sub self': ["sub(): argument 'input'", (p) => torch.sub(any(p), x()).tolist()],
  'torch.where other': ["where(): argument 'other'", (p) => torch.where(x().gt(2), x(), any(p)).tolist()],
  'torch.where input': ["where(): argument 'input'", (p) => torch.where(x().gt(2), any(p), x()).tolist()],
  'clamp min': ["clamp(): argument 'min'", (p) => x().clamp(any(p)).tolist()],
  'expand size': ["expand(): argument 'size'", (p) => torch.ones(1).expand(2, any(p)).tolist()],
  'view size': ["reshape(): argument 'shape'", (p) => x().view(any(p), 2).tolist()],
  'reshape size': ["reshape(): argument 'shape'", (p) => x().reshape([2, any(p)]).tolist()],
};

describe('torch: no code from data', () => {
  const cases = Object.entries(sites).flatMap(([site, [fn, run]]) => injectionPayloads().map((p) => ({ site, fn, run, p })));
  it.each(cases.map((c) => [`${c.site} ← ${c.p.name}`, c] as const))('%s is a clear error and runs nothing', (_, { fn, run, p }) => {
    expect(refusal(fn, run, p).name).toBe('TypeError');
  });
});
