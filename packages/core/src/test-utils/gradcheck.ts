/**
 * Float64 central-difference gradient check (test helper; excluded from the build).
 *
 * For `fn` and its inputs, the scalar `L = Σ fn(...xs) · w` with a fixed random weight `w` of the
 * output's shape (so every element of a non-scalar output matters) is differentiated twice:
 * analytically with `backward()` on fresh float64 leaves, and numerically by central differences
 * `(L(x + ε) − L(x − ε)) / 2ε` on host copies of the inputs, L summed on the host in float64.
 * An element passes when |analytic − numeric| ≤ atol + rtol·|numeric|; the report names the
 * worst element (largest ratio of the difference to what is allowed).
 */
import { noGrad, withGradMode } from '../autograd/grad-mode.js';
import { tensor } from '../tensor/create.js';
import { Tensor } from '../tensor/tensor.js';
import { contiguousStrides, sizeOf } from '../shape.js';
import { Rng } from './rng.js';

export interface GradcheckOptions {
  /** Step of the central difference (absolute). */
  eps?: number;
  rtol?: number;
  atol?: number;
  /** Indices of the inputs to differentiate; default: every float64 input. Others are constants. */
  wrt?: readonly number[];
  /** Seed of the weight tensor w. */
  seed?: number;
}

export interface GradcheckWorst {
  input: number;
  /** Flat index and its multi-index in the input. */
  index: number;
  coords: number[];
  analytic: number;
  numeric: number;
  /** |analytic − numeric| / (atol + rtol·|numeric|): above 1 fails. */
  ratio: number;
}

export interface GradcheckReport {
  ok: boolean;
  /** Shape of fn's output. */
  outShape: number[];
  /** The weight w, flat. */
  weight: Float64Array;
  /** Analytic and numeric gradients per differentiated input (flat, float64), in `wrt` order. */
  analytic: Float64Array[];
  numeric: Float64Array[];
  /** Structural failures: missing gradient, wrong gradient shape or dtype, non-float64 output. */
  problems: string[];
  worst: GradcheckWorst | null;
  /** A one-paragraph summary for assertion messages. */
  message: string;
}

export const GRADCHECK_DEFAULTS = { eps: 1e-6, rtol: 1e-5, atol: 1e-7, seed: 1234 } as const;

function host(t: Tensor): Float64Array {
  return Float64Array.from(t.dataSync() as ArrayLike<number>);
}

function unflatten(i: number, shape: readonly number[]): number[] {
  const strides = contiguousStrides(shape);
  return shape.map((_, d) => Math.floor(i / strides[d]!) % shape[d]!);
}

/** Runs the check; never throws for a numerical mismatch (read `ok` / `message`). */
export function gradcheck(fn: (...xs: Tensor[]) => Tensor, inputs: readonly Tensor[], opts: GradcheckOptions = {}): GradcheckReport {
  const { eps, rtol, atol, seed } = { ...GRADCHECK_DEFAULTS, ...opts };
  const wrt = opts.wrt ?? inputs.flatMap((t, i) => (t.dtype === 'float64' ? [i] : []));
  const problems: string[] = [];
  for (const i of wrt) {
    if (inputs[i]!.dtype !== 'float64') problems.push(`input ${i} is ${inputs[i]!.dtype}, not float64`);
  }
  const hosts = inputs.map((t, i) => (wrt.includes(i) ? host(t) : null));
  const leafOf = (i: number, data: Float64Array, requiresGrad: boolean): Tensor =>
    tensor(data, { dtype: 'float64', shape: inputs[i]!.shape, requiresGrad });

  // Analytic: backward of Σ fn(leaves) · w.
  const { outShape, weight, analytic } = withGradMode(true, () => {
    const leaves = inputs.map((t, i) => (hosts[i] ? leafOf(i, Float64Array.from(hosts[i]!), true) : t));
    const out = fn(...leaves);
    const shape = out.shape;
    if (out.dtype !== 'float64') problems.push(`fn returned ${out.dtype}, not float64`);
    const w = new Rng(seed).awayFromZero(sizeOf(shape), 0.5, 1.5);
    const loss = out.mul(tensor(w, { dtype: 'float64', shape })).sum();
    if (loss.requiresGrad) loss.backward();
    else problems.push('the output does not require grad');
    const grads = wrt.map((i) => {
      const g = leaves[i]!.grad;
      const want = inputs[i]!.shape;
      if (!g) {
        problems.push(`input ${i} received no gradient`);
        return new Float64Array(sizeOf(want));
      }
      if (g.shape.join() !== want.join()) problems.push(`gradient of input ${i} has shape [${g.shape.join(', ')}], expected [${want.join(', ')}]`);
      if (g.dtype !== 'float64') problems.push(`gradient of input ${i} is ${g.dtype}, expected float64`);
      return host(g);
    });
    return { outShape: shape, weight: w, analytic: grads };
  });

  // Numeric: central differences on host copies.
  const lossAt = (): number =>
    noGrad(() => {
      const xs = inputs.map((t, i) => (hosts[i] ? leafOf(i, hosts[i]!, false) : t));
      const out = host(fn(...xs));
      let s = 0;
      for (let k = 0; k < out.length; k++) s += out[k]! * weight[k]!;
      return s;
    });
  const numeric = wrt.map((i) => {
    const x = hosts[i]!;
    const g = new Float64Array(x.length);
    for (let j = 0; j < x.length; j++) {
      const v = x[j]!;
      x[j] = v + eps;
      const up = lossAt();
      x[j] = v - eps;
      const down = lossAt();
      x[j] = v;
      g[j] = (up - down) / (2 * eps);
    }
    return g;
  });

  let worst: GradcheckWorst | null = null;
  wrt.forEach((input, k) => {
    const a = analytic[k]!;
    const n = numeric[k]!;
    for (let j = 0; j < n.length; j++) {
      const diff = Math.abs(a[j]! - n[j]!);
      const ratio = Number.isNaN(diff) ? Infinity : diff / (atol + rtol * Math.abs(n[j]!));
      if (!worst || ratio > worst.ratio) {
        worst = { input, index: j, coords: unflatten(j, inputs[input]!.shape), analytic: a[j]!, numeric: n[j]!, ratio };
      }
    }
  });
  const w = worst as GradcheckWorst | null;
  const ok = problems.length === 0 && (w === null || w.ratio <= 1);
  const worstText = w
    ? `worst: input ${w.input} at [${w.coords.join(', ')}]: analytic ${w.analytic}, numeric ${w.numeric}, ` +
      `|diff| ${Math.abs(w.analytic - w.numeric).toExponential(3)} = ${w.ratio.toFixed(3)}× allowed (atol ${atol}, rtol ${rtol})`
    : 'no elements to compare';
  const message = `${ok ? 'gradcheck passed' : 'gradcheck FAILED'}; output [${outShape.join(', ')}]; ${worstText}` +
    (problems.length ? `; problems: ${problems.join('; ')}` : '');
  return { ok, outShape, weight, analytic, numeric, problems, worst: w, message };
}
