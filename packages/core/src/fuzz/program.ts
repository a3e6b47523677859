/**
 * The cross-backend fuzz suite's programs (test helper; excluded from the build): a list of steps in
 * SSA form, value i being step i: a leaf (host data, shape, dtype; `op: 'leaf'`, `p.leaf` its index
 * in `leaves`), an op of `ops.ts` or a loss of `losses.ts` (`op: 'loss'`) over earlier values.
 * A program is regenerated from its seed and case index (`generate.ts`), so a failure is replayed
 * with `FUZZ_SEED=<seed>` and its case index; `describeProgram` prints it for a human.
 */
import type { DType } from '../dtype.js';

export type ProgramClass = 'elementwise' | 'reduce' | 'matmul' | 'movement' | 'loss';
/**
 * The dtype bucket a program is counted under: all floats float32, all float64, a mix (float32,
 * float64, int64, small int32, bool), or integers only (int32 over its whole range, int64, bool).
 */
export type ProgramDType = 'float32' | 'float64' | 'mixed' | 'int';

export interface LeafSpec {
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** Values as float64 (float32 leaves hold float32-representable values, so the reference sees the same numbers). */
  readonly data: Float64Array;
  readonly grad: boolean;
  /** How the values were drawn (for the description). */
  readonly kind: string;
}

/** A step's parameter: numbers, strings, booleans, lists, or `{ $v: id }` for a tensor option (a loss weight). */
export type Param = number | string | boolean | null | readonly Param[] | { readonly $v: number } | { readonly [k: string]: Param };

export interface Step {
  readonly op: string;
  readonly args: readonly number[];
  readonly p: { readonly [k: string]: Param };
}

/** What the generator knows about a value: shape (null: not predicted, a loss's) and dtype in the program's own dtypes, and exactness. */
export interface ValueInfo {
  readonly shape: readonly number[] | null;
  readonly dtype: DType;
  /**
   * Bit-identical on every backend and in the float64 reference (leaves, views, comparisons, small
   * integer arithmetic, …). Ops that are discontinuous in their input (comparisons, floor, sign,
   * casts to integers, argmax) only take exact operands, so rounding never flips their result.
   */
  readonly exact: boolean;
}

export interface Program {
  /** `<seed>:<case>`. */
  readonly id: string;
  readonly cls: ProgramClass;
  readonly dtype: ProgramDType;
  readonly leaves: readonly LeafSpec[];
  readonly steps: readonly Step[];
  /** One entry per value (per step). */
  readonly info: readonly ValueInfo[];
  readonly output: number;
  /** Differentiate Σ output·w (w fixed, of the output's shape) and compare every leaf's gradient. */
  readonly grad: boolean;
  /** Also run on wasm with 2 threads. */
  readonly threads: boolean;
  /** Also run with the leaves on one backend while another is current. */
  readonly otherCurrent: boolean;
}

const fmtParam = (v: Param): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(fmtParam).join(', ')}]`;
  if (typeof v === 'object') {
    const o = v as { readonly [k: string]: Param };
    if ('$v' in o) return `v${String(o.$v)}`;
    return `{ ${Object.entries(o).map(([k, x]) => `${k}: ${fmtParam(x)}`).join(', ')} }`;
  }
  return typeof v === 'string' ? `'${v}'` : String(v);
};

const fmtShape = (s: readonly number[]): string => `[${s.join(', ')}]`;

/** A few values of a leaf, specials spelled out. */
function sample(l: LeafSpec): string {
  const n = Math.min(l.data.length, 6);
  const vals = Array.from(l.data.subarray(0, n), (v) => String(v));
  return `${vals.join(', ')}${l.data.length > n ? `, … (${l.data.length})` : ''}`;
}

/** A compact, replayable description: one line per leaf and per step. */
export function describeProgram(p: Program): string {
  const lines = [`program ${p.id} (${p.cls}, ${p.dtype}${p.grad ? ', grad' : ''}${p.threads ? ', wasm×2' : ''}${p.otherCurrent ? ', other backend current' : ''})`];
  p.steps.forEach((s, id) => {
    if (s.op === 'leaf') {
      const l = p.leaves[s.p.leaf as number]!;
      lines.push(`  v${id} = leaf ${fmtShape(l.shape)} ${l.dtype}${l.grad ? ' requiresGrad' : ''} ${l.kind}: ${sample(l)}`);
      return;
    }
    const info = p.info[id]!;
    const params = Object.keys(s.p).length ? ` ${fmtParam(s.p)}` : '';
    lines.push(`  v${id} = ${s.op}(${s.args.map((a) => `v${a}`).join(', ')})${params} → ${info.shape ? fmtShape(info.shape) : '?'} ${info.dtype}${info.exact ? ' exact' : ''}`);
  });
  lines.push(`  output v${p.output}`);
  return lines.join('\n');
}
