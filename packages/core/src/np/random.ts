/**
 * `np.random`: NumPy's legacy `RandomState` functions on the shared MT19937 (the one the
 * tensor engine also draws from), reproducing NumPy's streams for the same seed.
 */
import { defaultGenerator } from '../random/generator.js';
import type { MT19937 } from '../random/mt19937.js';
import { asarray, type ArrayInput } from './convert.js';
import { arange, sizeToShape, type Size } from './creation.js';
import { checkNpDType, type NpDType } from './dtypes.js';
import { NDArray, shapeSize } from './ndarray.js';

type Kw = Record<string, unknown>;
type Arg = unknown;

const isKw = (a: unknown): a is Kw => typeof a === 'object' && a !== null && !Array.isArray(a) && !(a instanceof NDArray);

/** Python-style argument binding: positional values in order, then an optional keyword object. */
function bind(where: string, names: readonly string[], args: readonly Arg[]): Kw {
  const out: Kw = {};
  const last = args[args.length - 1];
  const positional = isKw(last) ? args.slice(0, -1) : args;
  if (positional.length > names.length) throw new TypeError(`${where}: takes at most ${names.length} positional arguments`);
  positional.forEach((v, i) => {
    if (v !== undefined) out[names[i]!] = v;
  });
  if (isKw(last)) {
    for (const [k, v] of Object.entries(last)) {
      if (!names.includes(k)) throw new TypeError(`${where}: got an unexpected keyword argument '${k}'`);
      if (k in out) throw new TypeError(`${where}: got multiple values for argument '${k}'`);
      out[k] = v;
    }
  }
  return out;
}

function num(where: string, name: string, v: unknown, dflt: number): number {
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'number') throw new TypeError(`${where}: ${name} must be a number, got ${String(v)}`);
  return v;
}

/** Draws `size` values (or one, as a number, when size is omitted) from `draw`. */
function sample(where: string, size: unknown, draw: () => number): number | NDArray {
  if (size === undefined || size === null) return draw();
  const shape = sizeToShape(where, size as Size);
  const out = new Float64Array(shapeSize(shape));
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return new NDArray(out, shape, 'float64');
}

/** `np.random.seed(seed=None)`: an int in [0, 2**32) or a list of them; none reseeds from OS entropy. */
export function seed(value?: number | readonly number[] | null): void {
  if (value === undefined || value === null) defaultGenerator().seedFromEntropy();
  else defaultGenerator().seed(value);
}

/** `np.random.random_sample(size=None)` / `np.random.random`: floats in [0, 1). */
export function random_sample(size?: null): number;
export function random_sample(size: Size): NDArray;
export function random_sample(size?: Size | null): number | NDArray {
  const gen = defaultGenerator();
  return sample('random_sample', size, () => gen.randomSample());
}

/** `np.random.rand(d0, d1, ...)`: floats in [0, 1); no dims gives a number. */
export function rand(): number;
export function rand(...dims: number[]): NDArray;
export function rand(...dims: number[]): number | NDArray {
  const gen = defaultGenerator();
  return sample('rand', dims.length === 0 ? null : dims, () => gen.randomSample());
}

/** `np.random.randn(d0, d1, ...)`: standard normal (legacy polar Box–Muller); no dims gives a number. */
export function randn(): number;
export function randn(...dims: number[]): NDArray;
export function randn(...dims: number[]): number | NDArray {
  const gen = defaultGenerator();
  return sample('randn', dims.length === 0 ? null : dims, () => gen.gauss());
}

/** `np.random.standard_normal(size=None)`. */
export function standard_normal(size?: null): number;
export function standard_normal(size: Size): NDArray;
export function standard_normal(size?: Size | null): number | NDArray {
  const gen = defaultGenerator();
  return sample('standard_normal', size, () => gen.gauss());
}

/** Keywords of `np.random.uniform`. */
export interface UniformKw { low?: number; high?: number; size?: Size | null }

/** `np.random.uniform(low=0.0, high=1.0, size=None)`: `low + (high - low) * random_sample()`. */
export function uniform(low?: number, high?: number, size?: null): number;
export function uniform(low: number, high: number, size: Size | { size: Size }): NDArray;
export function uniform(kw: UniformKw & { size: Size }): NDArray;
export function uniform(...args: Array<number | Size | UniformKw | null | undefined>): number | NDArray;
export function uniform(...args: Arg[]): number | NDArray {
  const a = bind('uniform', ['low', 'high', 'size'], args);
  const low = num('uniform', 'low', a.low, 0);
  const high = num('uniform', 'high', a.high, 1);
  const range = high - low;
  if (!Number.isFinite(range)) throw new RangeError('uniform: Range exceeds valid bounds');
  const gen = defaultGenerator();
  return sample('uniform', a.size, () => low + range * gen.randomSample());
}

/** Keywords of `np.random.normal`. */
export interface NormalKw { loc?: number; scale?: number; size?: Size | null }

/** `np.random.normal(loc=0.0, scale=1.0, size=None)`: `loc + scale * standard_normal()`. */
export function normal(loc?: number, scale?: number, size?: null): number;
export function normal(loc: number, scale: number, size: Size | { size: Size }): NDArray;
export function normal(kw: NormalKw & { size: Size }): NDArray;
export function normal(...args: Array<number | Size | NormalKw | null | undefined>): number | NDArray;
export function normal(...args: Arg[]): number | NDArray {
  const a = bind('normal', ['loc', 'scale', 'size'], args);
  const loc = num('normal', 'loc', a.loc, 0);
  const scale = num('normal', 'scale', a.scale, 1);
  if (scale < 0) throw new RangeError('normal: scale < 0');
  const gen = defaultGenerator();
  return sample('normal', a.size, () => loc + scale * gen.gauss());
}

/** Smallest all-ones bit mask covering `max`. */
function mask32(max: number): number {
  let m = max >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/**
 * NumPy's legacy bounded integer in [0, rng] (`random_bounded_uint64_fill`, masked): rng 0 draws
 * nothing; rng < 2**32 − 1 draws 32-bit words masked to the smallest covering bit mask until
 * one is ≤ rng; rng = 2**32 − 1 takes the word as is; wider ranges do the same on 64-bit draws.
 */
export function boundedMasked(gen: MT19937, rng: bigint): bigint {
  if (rng === 0n) return 0n;
  if (rng < 0xffffffffn) {
    const r = Number(rng);
    const mask = mask32(r);
    let v: number;
    while ((v = (gen.nextUint32() & mask) >>> 0) > r);
    return BigInt(v);
  }
  if (rng === 0xffffffffn) return BigInt(gen.nextUint32());
  let mask = rng;
  for (let s = 1n; s <= 32n; s *= 2n) mask |= mask >> s;
  let v: bigint;
  while ((v = gen.nextUint64() & mask) > rng);
  return v;
}

/** NumPy's `random_interval(max)`: a uniform integer in [0, max] by masked rejection (used by shuffle). */
export function randomInterval(gen: MT19937, max: number): number {
  return Number(boundedMasked(gen, BigInt(max)));
}

/** Keywords of `np.random.randint`. */
export interface RandintKw { low?: number; high?: number | null; size?: Size | null; dtype?: NpDType }

/**
 * `np.random.randint(low, high=None, size=None, dtype=int64)`: integers in [low, high)
 * ([0, low) when high is omitted), drawn as NumPy's legacy masked rejection sampling.
 */
export function randint(low: number, high?: number | null, size?: null): number;
export function randint(low: number, high: number | null | undefined, size: Size, dtype?: NpDType): NDArray;
export function randint(low: number, high: number | null | undefined, kw: { size: Size; dtype?: NpDType }): NDArray;
export function randint(low: number, kw: { high?: number | null; size: Size; dtype?: NpDType }): NDArray;
export function randint(...args: Array<number | Size | RandintKw | NpDType | null | undefined>): number | NDArray;
export function randint(...args: Arg[]): number | NDArray {
  const a = bind('randint', ['low', 'high', 'size', 'dtype'], args);
  let low = num('randint', 'low', a.low, NaN);
  let high = a.high === undefined || a.high === null ? null : num('randint', 'high', a.high, NaN);
  if (high === null) [low, high] = [0, low];
  if (!Number.isInteger(low) || !Number.isInteger(high)) throw new TypeError('randint: low and high must be integers');
  const dtype = a.dtype === undefined ? 'int64' : checkNpDType('randint', a.dtype);
  if (dtype !== 'int64' && dtype !== 'int32') throw new TypeError(`randint: Unsupported dtype ${dtype} for randint`);
  if (low >= high) throw new RangeError(`randint: low >= high`);
  if (dtype === 'int32' && (low < -(2 ** 31) || high > 2 ** 31)) throw new RangeError('randint: bounds are out of range for int32');
  const off = BigInt(low);
  const rng = BigInt(high) - 1n - off;
  const gen = defaultGenerator();
  if (a.size === undefined || a.size === null) return Number(off + boundedMasked(gen, rng));
  const shape = sizeToShape('randint', a.size as Size);
  const n = shapeSize(shape);
  if (dtype === 'int32') {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = Number(off + boundedMasked(gen, rng));
    return new NDArray(out, shape, dtype);
  }
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) out[i] = off + boundedMasked(gen, rng);
  return new NDArray(out, shape, dtype);
}

/** `np.random.shuffle(x)`: shuffles a JS array or an NDArray along its first axis, in place (Fisher–Yates from the end). */
export function shuffle(x: NDArray | unknown[]): void {
  const gen = defaultGenerator();
  if (Array.isArray(x)) {
    for (let i = x.length - 1; i > 0; i--) {
      const j = randomInterval(gen, i);
      [x[i], x[j]] = [x[j], x[i]];
    }
    return;
  }
  if (x.ndim === 0) throw new TypeError('shuffle: object of type NDArray with 0 dimensions has no len()');
  const n = x.shape[0]!;
  const row = n === 0 ? 0 : x.size / n;
  const data = x.data;
  const tmp = data.slice(0, row);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInterval(gen, i);
    if (i === j) continue;
    tmp.set(data.subarray(j * row, (j + 1) * row) as never);
    data.copyWithin(j * row, i * row, (i + 1) * row);
    data.set(tmp as never, i * row);
  }
}

/** `np.random.permutation(x)`: a shuffled `arange(x)` for an int, else a shuffled copy along the first axis. */
export function permutation(x: number | ArrayInput): NDArray {
  const arr = typeof x === 'number' ? arange(x) : asarray(x).copy();
  if (arr.ndim < 1) throw new RangeError('permutation: x must be an integer or at least 1-dimensional');
  shuffle(arr);
  return arr;
}

/** `np.random.get_state()`: `['MT19937', key, pos, has_gauss, cached_gaussian]`. */
export function get_state(): [string, Uint32Array, number, number, number] {
  const s = defaultGenerator().getState();
  return ['MT19937', s.key, s.pos, s.hasGauss ? 1 : 0, s.cachedGaussian];
}

/** `np.random.set_state(state)` with a tuple from `get_state()`. */
export function set_state(state: readonly [string, ArrayLike<number>, number, number?, number?]): void {
  if (state[0] !== 'MT19937') throw new TypeError(`set_state: state must be for a MT19937 PRNG, got ${state[0]}`);
  defaultGenerator().setState({
    key: Uint32Array.from(state[1]),
    pos: state[2],
    hasGauss: Boolean(state[3] ?? 0),
    cachedGaussian: state[4] ?? 0,
  });
}
