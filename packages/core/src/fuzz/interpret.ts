/**
 * Runs a fuzz program on one backend configuration (test helper; excluded from the build).
 *
 * A run makes every tensor on its own backend (inside `withBackend`) and reads the output, and with
 * `grad` the gradient of Σ output·w (w fixed per program) for every leaf. The reference run is the
 * cpu backend with every float32 replaced by float64 (leaves, casts, and integer operands of ops
 * whose result the engine makes float32), carrying the rounding-error bound of each value
 * (`bound.ts`) up to the output.
 */
import { noGrad } from '../autograd/grad-mode.js';
import { withBackend } from '../backend/registry.js';
import { setNumThreads } from '../backend/wasm/threads.js';
import { isFloat, type DType } from '../dtype.js';
import * as core from '../index.js';
import type { Tensor } from '../tensor/tensor.js';
import { Rng } from '../test-utils/rng.js';
import type { Bound } from './bound.js';
import { caseSeed } from './generate.js';
import { LOSSES } from './losses.js';
import { OPS, boundOf } from './ops.js';
import type { Param, Program } from './program.js';

export interface RunConfig {
  /** The backend the leaves are made on. */
  readonly backend: string;
  /**
   * The current backend while the ops run (default: the same). Another one checks that a tensor
   * computes on its own backend whatever is current (`setBackend` after the tensors were made).
   */
  readonly current?: string;
  /** wasm worker threads (1 elsewhere). */
  readonly threads: number;
  /** `cpu`, `wasm`, `wasm×2`, … */
  readonly label: string;
}

export interface HostValue {
  readonly shape: number[];
  readonly dtype: DType;
  readonly data: Float64Array;
}

export interface Outcome {
  /** `ErrorClass: message` when the run threw. */
  readonly error: string | null;
  readonly out: HostValue | null;
  /** Per leaf: its gradient, or null (no grad, or none reached it). */
  readonly grads: (HostValue | null)[];
  /** Reference runs of programs made of `ops.ts` steps only: the output's error bound (∞ = not determined). */
  readonly bound: Float64Array | null;
  /** Kernels that ran split over threads. */
  readonly threaded: number;
}

const read = (t: Tensor): HostValue => ({ shape: t.shape, dtype: t.dtype, data: Float64Array.from(t.dataSync() as ArrayLike<number | bigint>, Number) });

/** The fixed weights w of Σ output·w: normals, float32-representable, from the program's id. */
export function gradWeights(p: Program, n: number): Float64Array {
  const [seed, index] = p.id.split(':').map(Number) as [number, number];
  return new Rng(caseSeed(seed ^ 0x5bd1e995, index)).normals(n).map(Math.fround);
}

function resolve(v: Param, values: readonly Tensor[]): unknown {
  if (Array.isArray(v)) return v.map((x) => resolve(x, values));
  if (v !== null && typeof v === 'object') {
    const o = v as { readonly [k: string]: Param };
    if ('$v' in o) return values[o.$v as number];
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolve(x, values)]));
  }
  return v;
}

/** Runs `p` on `cfg`; `reference` widens float32 to float64 and computes the output's bound. */
export function runProgram(p: Program, cfg: RunConfig, reference: boolean): Outcome {
  const wide = (d: DType): DType => (reference && d === 'float32' ? 'float64' : d);
  const withBounds = reference && p.steps.every((s) => s.op !== 'loss');
  let threaded = 0;
  const own = <T>(f: () => T): T => withBackend(cfg.backend, f);
  return withBackend(cfg.current ?? cfg.backend, () => {
    if (cfg.threads > 1) setNumThreads(cfg.threads);
    core.resetKernelStats();
    try {
      const values: Tensor[] = [];
      const bounds: Bound[] = [];
      const leaves: (Tensor | null)[] = p.leaves.map(() => null);
      p.steps.forEach((s, id) => {
        if (s.op === 'leaf') {
          const l = p.leaves[s.p.leaf as number]!;
          const t = own(() => core.tensor(l.data, { dtype: wide(l.dtype), shape: l.shape, requiresGrad: l.grad }));
          leaves[s.p.leaf as number] = t;
          values.push(t);
          bounds.push(null);
          return;
        }
        let args = s.args.map((a) => values[a]!);
        const realDtype = p.info[id]!.dtype;
        // An integer operand the engine would compute in float32 computes in float64 in the reference.
        if (reference && realDtype === 'float32' && s.args.every((a) => p.info[a]!.dtype !== 'float32')) {
          args = args.map((t, i) => ((s.op === 'where' && i === 0) || isFloat(t.dtype) ? t : t.cast('float64')));
        }
        let out: Tensor;
        if (s.op === 'loss') {
          const { loss, ...opts } = s.p;
          out = LOSSES[loss as string]!.call(args, resolve(opts, values) as Record<string, unknown>);
        } else {
          const params = reference && s.op === 'cast' && s.p.dtype === 'float32' ? { ...s.p, dtype: 'float64' } : s.p;
          out = OPS[s.op]!.run(args, params);
        }
        values.push(out);
        // An exact value (`ValueInfo.exact`) has no rounding error; the others get their op's bound.
        const exact = p.info[id]!.exact || !withBounds;
        const argDtypes = s.args.map((a) => p.info[a]!.dtype);
        bounds.push(exact ? null : noGrad(() => boundOf(s.op, { xs: args, es: s.args.map((a) => bounds[a]!), out, p: s.p, dtype: realDtype, argDtypes })));
      });
      const y = values[p.output]!;
      const out = read(y);
      const bound = withBounds ? (bounds[p.output] ? read(bounds[p.output]!).data : new Float64Array(out.data.length)) : null;
      let grads: (HostValue | null)[] = leaves.map(() => null);
      // A program whose output does not depend on a leaf through differentiable ops has no gradients.
      if (p.grad && y.requiresGrad) {
        const w = own(() => core.tensor(gradWeights(p, y.size), { dtype: y.dtype, shape: y.shape }));
        y.mul(w).sum().backward();
        grads = leaves.map((l) => (l?.grad ? read(l.grad) : null));
      }
      threaded = core.kernelStats().threaded;
      return { error: null, out, grads, bound, threaded };
    } catch (e) {
      const err = e as Error;
      return { error: `${err.constructor?.name ?? 'Error'}: ${err.message}`, out: null, grads: [], bound: null, threaded };
    } finally {
      if (cfg.threads > 1) setNumThreads(1);
    }
  });
}
