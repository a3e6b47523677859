/**
 * The 32-bit Mersenne Twister (MT19937) exactly as NumPy's legacy `numpy.random.RandomState`
 * drives it, so that seeded streams reproduce NumPy's numbers bit for bit.
 *
 * - `seed(n)` for an integer mirrors `np.random.seed(n)`: NumPy's `_legacy_seeding` calls
 *   `mt19937_seed(state, n)`, i.e. Matsumoto–Nishimura `init_genrand(n)`; a list of integers
 *   mirrors `np.random.seed([a, b, ...])`, i.e. `init_by_array`.
 * - `randomSample()` mirrors `np.random.random_sample()` (`legacy_double`).
 * - `gauss()` mirrors `legacy_gauss` (the polar Box–Muller behind `np.random.standard_normal`),
 *   including the cached second value.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** Snapshot of a generator, as `np.random.get_state()` describes it. */
export interface MT19937State {
  /** The 624 words of the twister. */
  key: Uint32Array;
  /** Index of the next word to temper (624 = regenerate first). */
  pos: number;
  /** Whether a second normal deviate is cached. */
  hasGauss: boolean;
  /** The cached normal deviate (0 when none). */
  cachedGaussian: number;
}

/** A seed: a 32-bit unsigned integer, or an array of them (`init_by_array`). */
export type MTSeed = number | ArrayLike<number>;

/** NumPy legacy MT19937 bit generator with its Gaussian cache. */
export class MT19937 {
  private readonly mt = new Uint32Array(N);
  private pos = N;
  private hasGauss = false;
  private cachedGaussian = 0;

  /** Seeds with `seed`, or with 624 words of OS entropy when it is omitted (`np.random.seed(None)`). */
  constructor(seed?: MTSeed) {
    if (seed === undefined) this.seedFromEntropy();
    else this.seed(seed);
  }

  /** Mirrors `np.random.seed(seed)`: an integer in [0, 2**32) uses init_genrand, an array init_by_array. */
  seed(seed: MTSeed): void {
    if (typeof seed === 'number') {
      checkSeedWord(seed);
      this.initGenrand(seed);
    } else {
      if (seed.length === 0) throw new RangeError('MT19937.seed: seed array must be non-empty');
      for (let i = 0; i < seed.length; i++) checkSeedWord(seed[i]!);
      this.initByArray(seed);
    }
    this.pos = N;
    this.hasGauss = false;
    this.cachedGaussian = 0;
  }

  /** Seeds from 624 random words (what `np.random.seed()` with no argument amounts to). */
  seedFromEntropy(): void {
    const words = new Uint32Array(N);
    globalThis.crypto.getRandomValues(words);
    this.seed(words);
  }

  /** Next raw 32-bit output (`mt19937_next32`), an integer in [0, 2**32). */
  nextUint32(): number {
    if (this.pos >= N) this.twist();
    let y = this.mt[this.pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Next 64-bit output as NumPy forms it: `(next32() << 32) | next32()`. */
  nextUint64(): bigint {
    const hi = BigInt(this.nextUint32());
    return (hi << 32n) | BigInt(this.nextUint32());
  }

  /**
   * A double in [0, 1) with 53 random bits, as `np.random.random_sample()`:
   * `((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992`.
   */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /**
   * A standard normal deviate, as `np.random.standard_normal()` (`legacy_gauss`): polar
   * Box–Muller. Draw x1, x2 = 2·U − 1 until 0 < r² = x1² + x2² < 1, f = sqrt(−2·ln(r²)/r²);
   * return f·x2 and cache f·x1 for the next call.
   */
  gauss(): number {
    if (this.hasGauss) {
      const cached = this.cachedGaussian;
      this.hasGauss = false;
      this.cachedGaussian = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.randomSample() - 1.0;
      x2 = 2.0 * this.randomSample() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * Math.log(r2)) / r2);
    this.cachedGaussian = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** A copy of the full state (`np.random.get_state()`). */
  getState(): MT19937State {
    return {
      key: this.mt.slice(),
      pos: this.pos,
      hasGauss: this.hasGauss,
      cachedGaussian: this.cachedGaussian,
    };
  }

  /** Restores a state from `getState()` (`np.random.set_state(...)`). */
  setState(state: MT19937State): void {
    if (state.key.length !== N) throw new RangeError(`MT19937.setState: key must hold ${N} words, got ${state.key.length}`);
    if (!Number.isInteger(state.pos) || state.pos < 0 || state.pos > N) {
      throw new RangeError(`MT19937.setState: pos must be an integer in [0, ${N}], got ${state.pos}`);
    }
    this.mt.set(state.key);
    this.pos = state.pos;
    this.hasGauss = state.hasGauss;
    this.cachedGaussian = state.hasGauss ? state.cachedGaussian : 0;
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
  }

  private initByArray(key: ArrayLike<number>): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + (key[j]! >>> 0) + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }
}

function checkSeedWord(v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
    throw new RangeError(`MT19937.seed: seed must be an integer between 0 and 2**32 - 1, got ${v}`);
  }
}
