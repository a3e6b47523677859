/** `gluon.data.ArrayDataset` and `gluon.data.DataLoader`. */
import { batchIndices, defaultCollate, type Collated, Tensor } from '@rosetta/core';
import { wrap } from '../../ndarray/convert.js';
import { NDArray } from '../../ndarray/ndarray.js';

/** A dataset: a length and indexed samples (`dataset[i]` → `dataset.at(i)`). */
export interface Dataset<T = unknown> {
  readonly length: number;
  at(i: number): T;
}

/** One sample field of an NDArray (its row i) or of a JS array. */
function rowOf(where: string, a: NDArray | readonly unknown[], i: number): unknown {
  if (a instanceof NDArray) return a.at(i);
  if (i < 0 || i >= a.length) throw new RangeError(`${where}: index ${i} out of range for length ${a.length}`);
  return a[i];
}

/** `gluon.data.ArrayDataset(*args)`: samples are the i-th rows of each array (a tuple when there are several). */
export class ArrayDataset implements Dataset {
  private readonly arrays: (NDArray | readonly unknown[])[];

  constructor(...args: (NDArray | readonly unknown[])[]) {
    if (!args.length) throw new Error('ArrayDataset: needs at least one array');
    const n = args[0]!.length;
    args.forEach((a, i) => {
      if (a.length !== n) throw new Error(`ArrayDataset: All arrays must have the same length; array[0] has length ${n} while array[${i}] has ${a.length}.`);
    });
    this.arrays = args;
  }

  get length(): number {
    return this.arrays[0]!.length;
  }

  at(i: number): unknown {
    const fields = this.arrays.map((a) => rowOf('ArrayDataset', a, i));
    return fields.length === 1 ? fields[0] : fields;
  }
}

/** Stacks samples (NDArrays, numbers, tuples of them) into batches of NDArrays (Gluon's default batchify). */
function batchify(samples: unknown[]): unknown {
  const toCore = (v: unknown): unknown => (v instanceof NDArray ? v.tensor : Array.isArray(v) ? v.map(toCore) : v);
  const fromCore = (v: Collated): unknown => (v instanceof Tensor ? wrap(v) : Array.isArray(v) ? v.map(fromCore) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromCore(x)])));
  return fromCore(defaultCollate(samples.map(toCore)));
}

export interface DataLoaderOptions {
  batch_size?: number;
  shuffle?: boolean;
  /** 'keep' (default) or 'discard'. NOTE: 'rollover' is not supported. */
  last_batch?: 'keep' | 'discard';
  batchify_fn?: (samples: unknown[]) => unknown;
}

/** `gluon.data.DataLoader(dataset, batch_size=None, shuffle=False, last_batch=None, batchify_fn=None)`: iterate with `for…of`. */
export class DataLoader implements Iterable<unknown> {
  private readonly opts: Required<DataLoaderOptions>;

  constructor(readonly dataset: Dataset, opts: DataLoaderOptions = {}) {
    const { batch_size, shuffle = false, last_batch = 'keep', batchify_fn = batchify } = opts;
    if (batch_size === undefined || !Number.isInteger(batch_size) || batch_size <= 0) {
      throw new Error(`DataLoader: batch_size must be a positive integer, got ${String(batch_size)}`);
    }
    if (last_batch !== 'keep' && last_batch !== 'discard') throw new Error(`DataLoader: last_batch must be one of 'keep', 'discard', got ${String(last_batch)}`);
    this.opts = { batch_size, shuffle, last_batch, batchify_fn };
  }

  /** Number of batches (`len(loader)`). */
  get length(): number {
    const n = this.dataset.length / this.opts.batch_size;
    return this.opts.last_batch === 'keep' ? Math.ceil(n) : Math.floor(n);
  }

  *[Symbol.iterator](): Iterator<unknown> {
    const { batch_size, shuffle, last_batch, batchify_fn } = this.opts;
    for (const idx of batchIndices(this.dataset.length, batch_size, { shuffle, dropLast: last_batch === 'discard' })) {
      yield batchify_fn(idx.map((i) => this.dataset.at(i)));
    }
  }
}
