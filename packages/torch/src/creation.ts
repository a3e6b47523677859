/** `torch` creation functions: `tensor`, `zeros`, `ones`, `full`, `arange`, `linspace`, `rand`, `randn`, `normal`, `randint`, `randperm`, `*_like`. */
import {
  ArgTypeError, arange as coreArange, bindArgs, checkSizes, full as coreFull, isKeywords, linspace as coreLinspace, manualSeed, normal as coreNormal,
  randperm as coreRandperm, tensor as coreTensor, uniform as coreUniform, type DType, type TensorData,
} from '@rosetta/core';
import { coreDType, type dtype } from './dtype.js';
import { Tensor, sizeOf, type SizeArgs } from './tensor.js';

export interface TensorKw {
  dtype?: dtype | null;
  requires_grad?: boolean;
  device?: string;
}

const dt = (where: string, d: dtype | null | undefined): DType | undefined => (d === null || d === undefined ? undefined : coreDType(where, d));

function withGrad(t: Tensor, kw: TensorKw): Tensor {
  if (kw.requires_grad) t.requires_grad_(true);
  return t;
}

/** The keywords of `zeros`, `ones`, `rand`, `randn` that the facade takes. */
const SIZE_KEYWORDS = ['size', 'dtype', 'requires_grad', 'device'];

/** Splits `(…sizes, { keywords })` of the function `fn` into the checked size and the keywords. */
function sizeAndKw(fn: string, args: unknown[]): [number[], TensorKw] {
  const last = args[args.length - 1];
  const kw = isKeywords(last) ? (last as TensorKw & { size?: number[] }) : {};
  const rest = (kw === last ? args.slice(0, -1) : args) as SizeArgs;
  for (const k of Object.keys(kw)) {
    if (!SIZE_KEYWORDS.includes(k)) throw new ArgTypeError(`${fn}() got an unexpected keyword argument '${k}'`);
  }
  return [checkSizes(fn, 'size', rest.length ? sizeOf(rest) : [...((kw as { size?: number[] }).size ?? [])]), kw];
}

/**
 * `torch.tensor(data, dtype=None, requires_grad=False)`. NOTE: JavaScript numbers are float32
 * unless a dtype is given (Python ints would give int64); bigints give int64.
 */
export function tensor(data: TensorData | Tensor, kw: TensorKw = {}): Tensor {
  const src = data instanceof Tensor ? data.value : data;
  return withGrad(new Tensor(coreTensor(src, { dtype: dt('tensor', kw.dtype) })), kw);
}

/** `torch.from_numpy(ndarray)`: keeps the array's dtype. */
export const from_numpy = (a: TensorData): Tensor => new Tensor(coreTensor(a));

/** `torch.full(size, fill_value, dtype=None)`. */
export function full(size: readonly number[], fill_value: number, kw: TensorKw = {}): Tensor {
  return withGrad(new Tensor(coreFull(size, fill_value, { dtype: dt('full', kw.dtype) ?? 'float32' })), kw);
}
/** `torch.zeros(*size, dtype=None)`. */
export function zeros(...args: unknown[]): Tensor {
  const [size, kw] = sizeAndKw('zeros', args);
  return full(size, 0, kw);
}
/** `torch.ones(*size, dtype=None)`. */
export function ones(...args: unknown[]): Tensor {
  const [size, kw] = sizeAndKw('ones', args);
  return full(size, 1, kw);
}
/** `torch.zeros_like(input, dtype=None)`. */
export const zeros_like = (input: Tensor, kw: TensorKw = {}): Tensor => full(input.shape, 0, { dtype: input.dtype, ...kw });
/** `torch.ones_like(input, dtype=None)`. */
export const ones_like = (input: Tensor, kw: TensorKw = {}): Tensor => full(input.shape, 1, { dtype: input.dtype, ...kw });
/** `torch.full_like(input, fill_value)`. */
export const full_like = (input: Tensor, fill_value: number, kw: TensorKw = {}): Tensor => full(input.shape, fill_value, { dtype: input.dtype, ...kw });

/** `torch.arange(start=0, end, step=1, dtype=None)`. NOTE: float32 unless a dtype is given (PyTorch infers int64 from ints). */
export function arange(...args: unknown[]): Tensor {
  const o = bindArgs('arange', ['start', 'end', 'step'], { start: 0, end: undefined as number | undefined, step: 1, dtype: null as dtype | null, requires_grad: false, device: undefined as string | undefined }, args);
  const [lo, hi] = o.end === undefined ? [0, o.start] : [o.start, o.end];
  return withGrad(new Tensor(coreArange(lo, hi, o.step, { dtype: dt('arange', o.dtype) ?? 'float32' })), o);
}
/** `torch.linspace(start, end, steps, dtype=None)`. */
export function linspace(start: number, end: number, steps: number, kw: TensorKw = {}): Tensor {
  return withGrad(new Tensor(coreLinspace(start, end, steps, { dtype: dt('linspace', kw.dtype) ?? 'float32' })), kw);
}
/** `torch.rand(*size)`: U[0, 1). NOTE: draws from Rosetta's MT19937 stream, not PyTorch's. */
export function rand(...args: unknown[]): Tensor {
  const [size, kw] = sizeAndKw('rand', args);
  return withGrad(new Tensor(coreUniform(size, 0, 1, { dtype: dt('rand', kw.dtype) ?? 'float32' })), kw);
}
/** `torch.randn(*size)`: N(0, 1). */
export function randn(...args: unknown[]): Tensor {
  const [size, kw] = sizeAndKw('randn', args);
  return withGrad(new Tensor(coreNormal(size, 0, 1, { dtype: dt('randn', kw.dtype) ?? 'float32' })), kw);
}
/** `torch.normal(mean, std, size)` with float mean and std. */
export function normal(...args: unknown[]): Tensor {
  const o = bindArgs('normal', ['mean', 'std', 'size'], { mean: 0, std: 1, size: [] as number[], dtype: null as dtype | null, requires_grad: false }, args);
  return withGrad(new Tensor(coreNormal(o.size, o.mean, o.std, { dtype: dt('normal', o.dtype) ?? 'float32' })), o);
}
/** `torch.randint(low=0, high, size)`: int64 uniform integers in [low, high). */
export function randint(...args: unknown[]): Tensor {
  const nums = args.filter((a) => typeof a === 'number') as number[];
  const rest = args.filter((a) => typeof a !== 'number');
  const [low, high] = nums.length >= 2 ? nums : [0, nums[0]!];
  const o = bindArgs('randint', ['size'], { size: [] as number[], dtype: null as dtype | null }, rest);
  const u = coreUniform(o.size, low, high, { dtype: 'float64' }).floor();
  return new Tensor(u.cast(dt('randint', o.dtype) ?? 'int64'));
}
/** `torch.randperm(n)`: int64 permutation of 0..n−1. */
export const randperm = (n: number, kw: TensorKw = {}): Tensor => new Tensor(coreTensor(coreRandperm(n), { dtype: dt('randperm', kw.dtype) ?? 'int64' }));
/** `torch.manual_seed(seed)`. NOTE: seeds Rosetta's generator (NumPy's MT19937 stream), so draws differ from PyTorch's. */
export function manual_seed(seed: number): void {
  manualSeed(seed);
}
