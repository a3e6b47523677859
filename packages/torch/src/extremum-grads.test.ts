/**
 * max/min gradients against PyTorch 1.13 (fixtures/extremum: generator script + JSON): `max(dim)` /
 * `min(dim)` send the gradient to the returned index, `amax`/`amin` share it evenly over ties (NaN
 * extremum → NaN gradients), full `max()`/`min()` share it over ties or over the NaN positions; on
 * leaves and on computed inputs (where a recomputation in another precision used to match nothing
 * and give 0/0 = NaN). Runs on the suite's backend (cpu, then wasm).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as torch from './index.js';

type Nested = (number | string | Nested)[] | number | string;
interface Case { input: string; pre: string; call: string; data: Nested; out: Nested; grad: Nested; indices?: number[] }
const fixture = JSON.parse(readFileSync(new URL('../fixtures/extremum/extremum.json', import.meta.url), 'utf8')) as { torch: string; cases: Case[] };

const dec = (v: Nested): unknown => (Array.isArray(v) ? v.map(dec) : v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);

const PRE: Record<string, (a: torch.Tensor) => torch.Tensor> = {
  none: (a) => a,
  sub: (a) => a.sub(torch.tensor([[0.1, 0.2, 0.3]]).expand_as(a)),
  mul3: (a) => a.mul(3),
};
const CALLS: Record<string, (x: torch.Tensor) => torch.Tensor> = {
  max_dim1: (x) => x.max(1).values,
  max_dim1_keep: (x) => x.max(1, true).values,
  min_dim1: (x) => x.min(1).values,
  max_dim0: (x) => x.max(0).values,
  amax_dim1: (x) => x.amax(1),
  amin_dim1: (x) => x.amin(1),
  amax_all: (x) => x.amax(),
  amax_01: (x) => x.amax([0, 1]),
  max_all: (x) => x.max(),
  min_all: (x) => x.min(),
};
const INDICES: Record<string, (x: torch.Tensor) => torch.Tensor> = {
  max_dim1: (x) => x.max(1).indices,
  max_dim1_keep: (x) => x.max(1, true).indices.squeeze(1),
  min_dim1: (x) => x.min(1).indices,
  max_dim0: (x) => x.max(0).indices,
};

/** Equal with NaN = NaN, within float32 rounding. */
function close(got: unknown, want: unknown): void {
  expect(Array.isArray(got)).toBe(Array.isArray(want));
  if (Array.isArray(want)) {
    expect((got as unknown[]).length).toBe(want.length);
    want.forEach((w, i) => close((got as unknown[])[i], w));
  } else if (Number.isNaN(want)) expect(got).toBeNaN();
  else if (!Number.isFinite(want as number)) expect(got).toBe(want);
  else expect(got as number).toBeCloseTo(want as number, 6);
}

describe(`max/min gradients match PyTorch ${fixture.torch}`, () => {
  it.each(fixture.cases.map((c) => [`${c.call} of ${c.pre}(${c.input})`, c] as const))('%s', (_, c) => {
    const a = torch.tensor(dec(c.data) as number[][], { requires_grad: true });
    const out = CALLS[c.call]!(PRE[c.pre]!(a));
    close(out.tolist(), dec(c.out));
    const w = torch.arange(1, out.numel() + 1).reshape(out.shape);
    out.mul(w).sum().backward();
    close(a.grad!.tolist(), dec(c.grad));
    if (c.indices) expect(INDICES[c.call]!(PRE[c.pre]!(a.detach())).tolist()).toEqual(c.indices);
  });

  it('covers ties, NaN and computed inputs for every form', () => {
    expect(fixture.cases.length).toBe(120);
    expect(new Set(fixture.cases.map((c) => c.call)).size).toBe(Object.keys(CALLS).length);
  });
});
