import { MT19937, tensor, type Tensor } from '@rosetta/core';

/** Seeded test inputs for the built-in suite (each case gets its own stream). */
export class SuiteInputs {
  private readonly gen: MT19937;

  constructor(seed: number) {
    this.gen = new MT19937(seed);
  }

  /** Uniform floats on [lo, hi). */
  uniform(shape: number[], lo = -1, hi = 1): Tensor {
    const n = shape.reduce((a, b) => a * b, 1);
    return tensor(Float64Array.from({ length: n }, () => lo + (hi - lo) * this.gen.randomSample()), { dtype: 'float32', shape });
  }

  /** Whole numbers in [0, k) as int64 (class indices). */
  ints(shape: number[], k: number): Tensor {
    const n = shape.reduce((a, b) => a * b, 1);
    return tensor(Float64Array.from({ length: n }, () => Math.floor(k * this.gen.randomSample())), { dtype: 'int64', shape });
  }

  /** ±1 labels as float32. */
  signs(shape: number[]): Tensor {
    const n = shape.reduce((a, b) => a * b, 1);
    return tensor(Float64Array.from({ length: n }, () => (this.gen.randomSample() < 0.5 ? -1 : 1)), { dtype: 'float32', shape });
  }

  /** 0/1 labels as float32. */
  bits(shape: number[]): Tensor {
    return this.signs(shape).add(1).div(2);
  }

  /** Rows of probabilities (softmax of uniform scores) along the last axis. */
  probs(shape: number[]): Tensor {
    return this.uniform(shape, -2, 2).softmax(-1);
  }
}
