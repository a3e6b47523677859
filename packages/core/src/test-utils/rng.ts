/**
 * A small seeded PRNG for test inputs (SplitMix32), independent of the engine's global MT19937,
 * so a test's inputs do not depend on which other tests ran before it.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform on [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 4294967296;
  }

  /** Uniform on [lo, hi). */
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** `n` uniform values on [lo, hi). */
  uniforms(n: number, lo = 0, hi = 1): Float64Array {
    return Float64Array.from({ length: n }, () => this.uniform(lo, hi));
  }

  /** `n` standard normal values. */
  normals(n: number): Float64Array {
    return Float64Array.from({ length: n }, () => this.normal());
  }

  /** `n` values with |v| in [lo, hi) and a random sign: stays away from a kink at 0. */
  awayFromZero(n: number, lo = 0.1, hi = 2): Float64Array {
    return Float64Array.from({ length: n }, () => (this.next() < 0.5 ? -1 : 1) * this.uniform(lo, hi));
  }

  /**
   * `n` pairwise distinct values (gaps ≥ 0.4·scale) in random order, roughly centred on 0:
   * reductions and comparisons on them have no ties.
   */
  distinct(n: number, scale = 1): Float64Array {
    const out = Float64Array.from({ length: n }, (_, i) => (i - n / 2 + 0.3 * this.next()) * scale);
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** `n` values with pairwise distinct magnitudes (in [0.5, n + 1)·scale) and random signs: abs has no ties, no kink. */
  distinctMagnitudes(n: number, scale = 1): Float64Array {
    const out = this.distinct(n, scale);
    for (let i = 0; i < n; i++) out[i] = (this.next() < 0.5 ? -1 : 1) * (out[i]! + (n / 2 + 0.5) * scale);
    return out;
  }
}
