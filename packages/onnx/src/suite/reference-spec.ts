import type { ReductionMode, Tensor } from '@rosetta/core';
import type { FloatDType } from '../reference/torch-common.js';
import type { ReferenceModel } from '../reference/types.js';
import type { LossCase } from './builtin-losses.js';
import { SuiteInputs } from './inputs.js';

/** A reference case before its dtype is chosen: the reference graph is built for float32 or float64. */
export interface ReferenceSpec {
  loss: string;
  reductions: readonly ReductionMode[];
  seed: number;
  inputs: (g: SuiteInputs) => Tensor[];
  fn: LossCase['fn'];
  ref: (r: ReductionMode, dtype: FloatDType) => ReferenceModel;
}

/**
 * The suite case of a spec in `dtype`: in float64 the floating inputs are cast and the reference
 * graph is built in float64 (so the default tolerance becomes rtol 1e-10), and the name says so.
 */
export function specCase(s: ReferenceSpec, dtype: FloatDType = 'float32'): LossCase {
  const f64 = dtype === 'float64';
  return {
    loss: f64 ? `${s.loss} float64` : s.loss,
    reductions: s.reductions,
    inputs: () => {
      const xs = s.inputs(new SuiteInputs(s.seed));
      return f64 ? xs.map((t) => (t.dtype === 'float32' ? t.cast('float64') : t)) : xs;
    },
    fn: s.fn,
    reference: (r) => s.ref(r, dtype),
  };
}

/** The float64 cases of the specs whose name starts with one of `prefixes` (all when omitted). */
export function float64Cases(specs: readonly ReferenceSpec[], prefixes?: readonly string[]): LossCase[] {
  return specs.filter((s) => !prefixes || prefixes.some((p) => s.loss.startsWith(p))).map((s) => specCase(s, 'float64'));
}
