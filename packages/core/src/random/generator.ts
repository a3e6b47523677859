/**
 * The process-wide default random generator shared by `np.random.*` and the tensor engine's
 * `rand`/`randn`/`uniform`/`normal`, so that seeding either reproduces NumPy's legacy stream.
 */
import { MT19937, type MTSeed } from './mt19937.js';

let defaultGen: MT19937 | null = null;

/** The shared generator (created on first use, seeded from OS entropy like an unseeded NumPy). */
export function defaultGenerator(): MT19937 {
  if (defaultGen === null) defaultGen = new MT19937();
  return defaultGen;
}

/** Reseeds the shared generator; `manualSeed(n)` leaves it in the state `np.random.seed(n)` does. */
export function manualSeed(seed: MTSeed): MT19937 {
  const gen = defaultGenerator();
  gen.seed(seed);
  return gen;
}

/**
 * Fills `out` with `low + (high - low) * U`, U = `randomSample()` in [0, 1), in order: the
 * values of `np.random.uniform(low, high, out.length)` (rounded on store for a Float32Array,
 * as `.astype(np.float32)` would).
 */
export function fillUniform(
  out: Float32Array | Float64Array,
  low: number,
  high: number,
  gen: MT19937 = defaultGenerator(),
): typeof out {
  const range = high - low;
  for (let i = 0; i < out.length; i++) out[i] = low + range * gen.randomSample();
  return out;
}

/**
 * Fills `out` with `mean + std * gauss()`, in order: the values of
 * `np.random.normal(mean, std, out.length)` (legacy polar Box–Muller with the cached pair).
 */
export function fillNormal(
  out: Float32Array | Float64Array,
  mean: number,
  std: number,
  gen: MT19937 = defaultGenerator(),
): typeof out {
  for (let i = 0; i < out.length; i++) out[i] = mean + std * gen.gauss();
  return out;
}
