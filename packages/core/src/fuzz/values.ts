/**
 * Leaf values for fuzz programs (test helper; excluded from the build). Each leaf draws from one
 * distribution: plain normals, positives (inside the domain of log and sqrt), probabilities,
 * dyadic values (ties, exact arithmetic, kinks hit exactly: 0, −0, ±½, ±1, …), distinct values (no
 * ties), or normals with NaN, ±Inf and ±0 sprinkled in. Float32 leaves hold float32-representable
 * values, so the float64 reference computes on exactly the numbers the float32 program sees.
 */
import type { DType } from '../dtype.js';
import { sizeOf } from '../shape.js';
import type { Rng } from '../test-utils/rng.js';
import type { LeafSpec } from './program.js';

export type FloatKind = 'normal' | 'positive' | 'unit' | 'dyadic' | 'distinct' | 'specials';

const DYADIC = [0, -0, 0.25, -0.25, 0.5, -0.5, 1, -1, 2, -2, 3, -3];
const SPECIALS = [NaN, Infinity, -Infinity, 0, -0];

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[r.int(xs.length)]!;

/** Float values of a kind (as float64; round with `Math.fround` for float32). */
export function floatValues(r: Rng, n: number, kind: FloatKind): Float64Array {
  switch (kind) {
    case 'normal': {
      const scale = pick(r, [1, 1, 3]);
      return Float64Array.from(r.normals(n), (v) => v * scale);
    }
    case 'positive': return r.uniforms(n, 0.1, 3);
    case 'unit': return r.uniforms(n, 0.02, 0.98);
    case 'dyadic': return Float64Array.from({ length: n }, () => pick(r, DYADIC));
    case 'distinct': return r.distinct(n, 0.37);
    case 'specials': {
      const out = r.normals(n);
      const count = Math.max(1, Math.round(n * 0.15));
      for (let i = 0; i < count && n > 0; i++) out[r.int(n)] = pick(r, SPECIALS);
      return out;
    }
  }
}

/** A random float kind; `specials` only when allowed. */
export function floatKind(r: Rng, specials: boolean): FloatKind {
  const kinds: FloatKind[] = ['normal', 'normal', 'positive', 'dyadic', 'distinct', 'unit'];
  if (specials) kinds.push('specials', 'specials');
  return pick(r, kinds);
}

/** A leaf of `dtype` and `shape`: floats of `kind`, int64 in [lo, hi), bool 0/1. */
export function makeLeaf(r: Rng, shape: readonly number[], dtype: DType, opts: { kind?: FloatKind; lo?: number; hi?: number; grad?: boolean } = {}): LeafSpec {
  const n = sizeOf(shape);
  if (dtype === 'bool') return { shape: [...shape], dtype, data: Float64Array.from({ length: n }, () => r.int(2)), grad: false, kind: 'bool' };
  if (dtype === 'int32' || dtype === 'int64') {
    const lo = opts.lo ?? -4;
    const hi = opts.hi ?? 5;
    return { shape: [...shape], dtype, data: Float64Array.from({ length: n }, () => lo + r.int(hi - lo)), grad: false, kind: `ints [${lo}, ${hi})` };
  }
  const kind = opts.kind ?? 'normal';
  let data = floatValues(r, n, kind);
  if (dtype === 'float32') data = data.map(Math.fround);
  return { shape: [...shape], dtype, data, grad: opts.grad ?? false, kind };
}
