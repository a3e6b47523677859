/**
 * The bad-input matrix of the torch facade's loss classes (issue 13), replayed from real PyTorch.
 * `fixtures/bad-input/torch-bad-input.json` was recorded by `gen_bad_input.py` with Debian's
 * python3-torch 1.13: every loss class × {mismatched shapes, wrong dtype, class index out of range,
 * NaN/±Inf, empty batch, unknown keyword, bad reduction, too many / too few arguments, non-tensors}.
 * Each case must end as PyTorch's does:
 * - PyTorch raised → Rosetta throws a core `RosettaError` at the same step (constructor or call).
 *   Where PyTorch's message is Python's own wording (argument binding, `reduction`), Rosetta's
 *   message contains it and has Python's error type; otherwise it names the class and the argument.
 * - PyTorch returned → the same dtype, shape and values (NaN and ±Inf included) and the same
 *   gradients of the inputs that require grad (`out.sum().backward()`), within float32 tolerance.
 * No case may end otherwise; the summary counts each outcome once per backend.
 */
import { readFileSync } from 'node:fs';
import { RosettaError } from '@rosetta/core';
import { OutcomeTally } from '@rosetta/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import * as torch from '../index.js';
import { Tensor } from '../tensor.js';
import * as nn from './index.js';

type Num = number | 'nan' | 'inf' | '-inf';
interface Enc { shape: number[]; dtype: string; data: Num[] }
type Arg = null | number | string | boolean | Arg[] | { tensor: Enc & { requires_grad: boolean } } | { list: unknown[] } | { undefined: true };
interface Case {
  id: string;
  cls: string;
  category: string;
  ctor: { args: Arg[]; kwargs: Record<string, Arg> };
  call: { args: Arg[]; kwargs: Record<string, Arg> };
  params?: Record<string, Arg>;
  forward: string[];
  arg?: string;
  expect: {
    error?: { type: string; message: string | null; at: 'ctor' | 'call'; exact: boolean };
    value?: Record<string, Enc>;
    grads?: Record<string, Enc | null>;
    backward_error?: { type: string; message: string };
    override?: string;
  };
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/bad-input/torch-bad-input.json', import.meta.url), 'utf8')) as { torch: string; cases: Case[] };

const dec = (v: Num): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);

/** The JavaScript value of an encoded argument (tensors made fresh for each run). */
function build(a: Arg): unknown {
  if (a === null || typeof a !== 'object') return a;
  if (Array.isArray(a)) return a.map(build);
  if ('undefined' in a) return undefined;
  if ('list' in a) return a.list;
  const t = a.tensor;
  const data = t.dtype === 'bool' ? t.data.map((v) => Boolean(v)) : t.data.map(dec);
  const out = torch.tensor(data as number[], { dtype: (torch as unknown as Record<string, torch.dtype>)[t.dtype]! }).reshape(t.shape);
  return t.requires_grad ? out.requires_grad_() : out;
}

/** Positional arguments, then the keywords as one trailing object (own keys, `__proto__` included). */
function argList(args: Arg[], kwargs: Record<string, Arg>): unknown[] {
  const out = args.map(build);
  const keys = Object.keys(kwargs);
  if (keys.length) out.push(Object.fromEntries(keys.map((k) => [k, build(kwargs[k]!)])));
  return out;
}

type Outcome = { error: unknown; at: 'ctor' | 'call' } | { value: Record<string, Tensor>; inputs: unknown[]; grads: Record<string, Tensor | null> | { error: unknown } };

/** Runs one case through the facade: construct, set parameters, call, backward. */
function run(c: Case): Outcome {
  let m: (...a: unknown[]) => unknown;
  try {
    m = (nn as unknown as Record<string, (...a: unknown[]) => (...a: unknown[]) => unknown>)[c.cls]!(...argList(c.ctor.args, c.ctor.kwargs));
  } catch (error) {
    return { error, at: 'ctor' };
  }
  for (const [path, v] of Object.entries(c.params ?? {})) {
    const p = path.split('.').reduce<any>((o, k) => o[k], m) as Tensor;
    p.data = build(v) as Tensor;
  }
  const inputs = argList(c.call.args, c.call.kwargs);
  let out: unknown;
  try {
    out = m(...inputs);
  } catch (error) {
    return { error, at: 'call' };
  }
  const value: Record<string, Tensor> = out instanceof Tensor ? { value: out } : (out as Record<string, Tensor>);
  const total = 'loss' in value ? value.loss! : value.value!.sum();
  if (!total.requires_grad) return { value, inputs, grads: {} };
  try {
    total.backward();
  } catch (error) {
    return { value, inputs, grads: { error } };
  }
  // The tensors in call order (positional, then keywords by forward's parameter order).
  const byIndex: Record<string, Tensor | null> = {};
  c.call.args.forEach((_, i) => {
    if (inputs[i] instanceof Tensor) byIndex[i] = (inputs[i] as Tensor).grad;
  });
  const kw = inputs.length > c.call.args.length ? (inputs[inputs.length - 1] as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(kw)) if (v instanceof Tensor && c.forward.includes(k)) byIndex[c.forward.indexOf(k)] = v.grad;
  return { value, inputs, grads: byIndex };
}

const values = (t: Tensor): number[] => Array.from(t.value.dataSync() as ArrayLike<number | bigint>, Number);

/**
 * Why `got` differs from `want` (null when equal): dtype, shape, or the first value out of
 * tolerance. The tolerance is float32's (2e-5 relative) when any input is float32, even for a
 * float64 result (part of it was computed in float32), else float64's (1e-10).
 */
function compare(what: string, got: Tensor | null | undefined, want: Enc | null, tol: number): string | null {
  if (want === null) return got === null || got === undefined ? null : `${what}: PyTorch has no gradient, Rosetta has one`;
  if (!got) return `${what}: missing`;
  if (got.dtype.name !== want.dtype) return `${what}: dtype ${got.dtype.name}, PyTorch ${want.dtype}`;
  if (got.shape.join() !== want.shape.join()) return `${what}: shape [${got.shape.join(', ')}], PyTorch [${want.shape.join(', ')}]`;
  const g = values(got);
  for (let i = 0; i < g.length; i++) {
    const a = g[i]!, b = dec(want.data[i]!);
    const ok = Number.isNaN(b) ? Number.isNaN(a) : !Number.isFinite(b) ? a === b : Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
    if (!ok) return `${what}[${i}]: ${a}, PyTorch ${b} (all: [${g.join(', ')}] vs [${want.data.join(', ')}])`;
  }
  return null;
}

const errText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Why the outcome differs from PyTorch's (null when it matches). */
function mismatch(c: Case, o: Outcome): string | null {
  const want = c.expect;
  const f32 = [...c.call.args, ...Object.values(c.call.kwargs), ...Object.values(c.params ?? {})]
    .some((a) => a !== null && typeof a === 'object' && 'tensor' in a && a.tensor.dtype === 'float32');
  if (want.error) {
    if (!('error' in o)) return `PyTorch raised ${want.error.type} at the ${want.error.at} (${want.error.message}); Rosetta returned a value`;
    const e = o.error;
    if (!(e instanceof RosettaError)) return `not a RosettaError: ${errText(e)}`;
    if (o.at !== want.error.at) return `raised at the ${o.at}, PyTorch at the ${want.error.at}: ${errText(e)}`;
    if (!e.message.includes(c.cls)) return `message does not name ${c.cls}: ${errText(e)}`;
    if (want.error.exact) {
      if (!e.message.includes(want.error.message!)) return `message lacks PyTorch's "${want.error.message}": ${errText(e)}`;
      if (e.name !== want.error.type) return `error type ${e.name}, PyTorch ${want.error.type}: ${errText(e)}`;
    } else if (c.arg && !e.message.toLowerCase().includes(c.arg.replace(/_$/, '').toLowerCase())) {
      // Case-insensitive (`Target 7 is out of bounds` names the target); `input_`/`target_` (PyTorch's names
      // in AdaptiveLogSoftmaxWithLoss.forward, chosen not to shadow Python's builtin) count as `input`/`target`.
      return `message does not name the argument '${c.arg}': ${errText(e)}`;
    }
    return null;
  }
  if ('error' in o) return `PyTorch returned a value; Rosetta raised at the ${o.at}: ${errText(o.error)}`;
  for (const [k, enc] of Object.entries(want.value!)) {
    const why = compare(k, o.value[k], enc, enc.dtype === 'float64' && !f32 ? 1e-10 : 2e-5);
    if (why) return why;
  }
  if (want.backward_error) return null;
  if ('error' in o.grads) return `backward raised: ${errText(o.grads.error)}`;
  for (const [i, enc] of Object.entries(want.grads ?? {})) {
    const why = compare(`grad of argument ${i}`, (o.grads as Record<string, Tensor | null>)[i], enc, enc?.dtype === 'float64' && !f32 ? 1e-10 : 2e-5);
    if (why) return why;
  }
  return null;
}

const tally = new OutcomeTally();

describe(`torch loss classes × bad input, against PyTorch ${fixture.torch}`, () => {
  it('the fixture covers every loss class the facade exports', () => {
    const classes = new Set(fixture.cases.map((c) => c.cls));
    const exported = Object.keys(nn).filter((k) => /Loss$/.test(k));
    expect(exported.filter((k) => !classes.has(k))).toEqual([]);
  });

  it.each(fixture.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const why = mismatch(c, run(c));
    if (why === null) {
      tally.record(c.expect.error ? 'clear error' : 'framework value');
    } else {
      tally.record('anything else');
      throw new Error(`${c.id}: ${why}`);
    }
  });

  afterAll(() => {
    console.log(tally.summary(`torch bad-input matrix (${process.env.ROSETTA_BACKEND || 'cpu'})`));
  });
});
