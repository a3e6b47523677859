/**
 * Compares a backend's run of a fuzz program with the float64 reference (test helper; excluded from
 * the build). Shapes and dtypes must match exactly; so must errors (same class and message), NaN
 * positions and ±Inf; integer and bool values are equal. Float values:
 *
 * - outputs of programs of `ops.ts` steps carry a rounding-error bound E (`bound.ts`):
 *   |got − ref| ≤ 2·E (float32 outputs), ≤ 1e-12·|ref| + 2·E (float64 outputs: the issue's 1e-12
 *   relative, E's absolute part is the floor where cancellation leaves a small result). The factor 2
 *   covers the first-order terms of the bound (products of errors are kept, but matmul's and Σ's
 *   γ = n·u is first order). Elements with E = ∞ (value not determined by the precision) are skipped
 *   and counted.
 * - loss values and gradients (composites of many ops, no bound carried) are compared normwise:
 *   |got − ref| ≤ rtol·(|ref| + S), S = max(max |ref| over the tensor, 1), with rtol below. The
 *   floor 1 is the scale of the generated data (inputs drawn at scale 1–3, gradient weights w
 *   standard normal): a gradient that cancels to ~0 (the cosine of two collinear vectors) carries
 *   float32 rounding of its O(1) terms, not of its tiny result. Gradients of a program with any
 *   float32 value take float32's rtol, float64 leaves included (their gradients go through the
 *   float32 parts).
 */
import type { HostValue, Outcome } from './interpret.js';
import type { Program } from './program.js';

export const BOUND_FACTOR = 2;
export const F64_RTOL = 1e-12;
/**
 * Normwise tolerances. float64: cpu and wasm compute float64 kernels with the host's Math in the same
 * order up to the reduction blocking, so 1e-12 holds with room. float32 (against the float64
 * reference): a loss is 5–40 float32 ops of ≤ 2.6e-7 relative error each, on well-conditioned
 * inputs (probabilities in [0.02, 0.98], margins, moderate logits): 2e-5; gradients chain about twice
 * as many ops and divide by values such as x(1 − x) or a norm: 1e-4.
 */
export const NORMWISE = {
  loss: { float32: 2e-5, float64: 1e-12 },
  grad: { float32: 1e-4, float64: 1e-12 },
} as const;

export interface Issue {
  readonly config: string;
  readonly what: string;
  readonly detail: string;
}

export interface CompareStats {
  /** Tensors compared (outputs and gradients). */
  tensors: number;
  /** Elements compared. */
  elements: number;
  /** Elements skipped because the precision does not determine them (E = ∞). */
  uncertain: number;
  /** Runs whose gradients were not compared because the forward value is not determined well enough. */
  gradsSkipped: number;
  /** Largest |got − ref| / allowed seen, per kind and dtype (≤ 1 passes), and where. */
  worst: Record<string, { ratio: number; where: string }>;
}

export const emptyStats = (): CompareStats => ({ tensors: 0, elements: 0, uncertain: 0, gradsSkipped: 0, worst: {} });

const isFloatDtype = (d: string): boolean => d === 'float32' || d === 'float64';

function note(stats: CompareStats, key: string, ratio: number, where: string): void {
  if (!(ratio <= (stats.worst[key]?.ratio ?? 0))) stats.worst[key] = { ratio, where };
}

/** Compares one tensor; returns a description of the first failing element, or null. */
function compareTensor(
  got: HostValue, ref: HostValue, dtype: string, mode: { kind: 'bound'; bound: Float64Array } | { kind: 'loss' | 'grad'; tol: 'float32' | 'float64' }, stats: CompareStats, where: string,
): string | null {
  if (got.shape.join() !== ref.shape.join()) return `shape [${got.shape.join(', ')}], reference [${ref.shape.join(', ')}]`;
  if (got.dtype !== dtype) return `dtype ${got.dtype}, expected ${dtype}`;
  stats.tensors++;
  const g = got.data;
  const r = ref.data;
  if (!isFloatDtype(dtype)) {
    stats.elements += g.length;
    const i = g.findIndex((v, j) => v !== r[j]);
    return i < 0 ? null : `element ${i}: ${g[i]}, reference ${r[i]}`;
  }
  const f32 = dtype === 'float32';
  let scale = 0;
  if (mode.kind !== 'bound') for (const v of r) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  const rtol = mode.kind === 'bound' ? 0 : NORMWISE[mode.kind][mode.tol];
  const key = `${mode.kind} ${mode.kind === 'bound' ? dtype : mode.tol}`;
  for (let i = 0; i < g.length; i++) {
    const e = mode.kind === 'bound' ? mode.bound[i]! : 0;
    if (e === Infinity) {
      stats.uncertain++;
      continue;
    }
    stats.elements++;
    const gi = g[i]!;
    const ri = r[i]!;
    if (Number.isNaN(ri) || Number.isNaN(gi) || !Number.isFinite(ri) || !Number.isFinite(gi)) {
      if (!Object.is(gi, ri) && !(Number.isNaN(gi) && Number.isNaN(ri))) return `element ${i}: ${gi}, reference ${ri}`;
      continue;
    }
    const allowed = mode.kind === 'bound'
      ? BOUND_FACTOR * e + (f32 ? 0 : F64_RTOL * Math.abs(ri))
      : rtol * (Math.abs(ri) + Math.max(scale, 1));
    const diff = Math.abs(gi - ri);
    if (diff === 0) continue;
    note(stats, key, allowed > 0 ? diff / allowed : Infinity, where);
    if (!(diff <= allowed)) return `element ${i}: ${gi}, reference ${ri} (|diff| ${diff.toPrecision(3)} > allowed ${allowed.toPrecision(3)})`;
  }
  return null;
}

/** Whether max E ≤ rtol·max|value| over the finite elements (and no element is undetermined). */
function forwardDetermines(value: Float64Array, bound: Float64Array, rtol: number): boolean {
  let e = 0;
  let m = 0;
  for (let i = 0; i < value.length; i++) {
    if (bound[i] === Infinity) return false;
    if (Number.isFinite(value[i]!)) m = Math.max(m, Math.abs(value[i]!));
    e = Math.max(e, bound[i]!);
  }
  return e <= rtol * m;
}

/** Every difference between a run and the reference, for the program's expected output dtype. */
export function compareOutcome(p: Program, label: string, got: Outcome, ref: Outcome, stats: CompareStats): Issue[] {
  const issues: Issue[] = [];
  const add = (what: string, detail: string | null): void => {
    if (detail !== null) issues.push({ config: label, what, detail });
  };
  if (got.error !== null || ref.error !== null) {
    stats.tensors++;
    if (got.error !== ref.error) add('error', `${got.error ?? 'no error'}; reference: ${ref.error ?? 'no error'}`);
    return issues;
  }
  const info = p.info[p.output]!;
  const dtype = info.dtype;
  if (info.shape && ref.out!.shape.join() !== info.shape.join()) add('reference shape', `[${ref.out!.shape.join(', ')}], predicted [${info.shape.join(', ')}]`);
  const forward = ref.bound ? { kind: 'bound' as const, bound: ref.bound } : { kind: 'loss' as const, tol: dtype === 'float32' ? 'float32' as const : 'float64' as const };
  add('output', compareTensor(got.out!, ref.out!, dtype, forward, stats, `${p.id} ${label} output`));
  if (!p.grad) return issues;
  // Gradients are compared where the forward value is determined to the gradient tolerance: an output
  // with an undetermined element, or whose bound exceeds rtol·max|output| (ill-conditioned, as x^−2 of
  // a matmul result near 0), has gradients the precision does not determine either.
  const gradTol = p.info.some((v) => v.dtype === 'float32') ? 'float32' : 'float64';
  if (ref.bound && !forwardDetermines(ref.out!.data, ref.bound, NORMWISE.grad[gradTol])) {
    stats.gradsSkipped++;
    return issues;
  }
  p.steps.forEach((s, id) => {
    if (s.op !== 'leaf') return;
    const li = s.p.leaf as number;
    const gg = got.grads[li] ?? null;
    const rg = ref.grads[li] ?? null;
    if ((gg === null) !== (rg === null)) add(`grad v${id}`, `${gg === null ? 'none' : 'a gradient'}; reference: ${rg === null ? 'none' : 'a gradient'}`);
    else if (gg && rg) add(`grad v${id}`, compareTensor(gg, rg, p.leaves[li]!.dtype, { kind: 'grad', tol: gradTol }, stats, `${p.id} ${label} grad v${id}`));
  });
  return issues;
}
