/**
 * `torch.utils.data`: `Dataset` (override `__getitem__` and `__len__`), `TensorDataset`, `Subset`,
 * `random_split`, and `DataLoader` (iterate with `for…of`). `dataset[i]` → `dataset.at(i)`,
 * `len(dataset)` → `dataset.length`.
 */
import { batchIndices, defaultCollate, randperm, Tensor as CoreTensor, type Collated } from '@rosetta/core';
import { Tensor } from '../../tensor.js';

export abstract class Dataset<T = unknown> {
  /** Override: the i-th sample. */
  abstract __getitem__(index: number): T;
  /** Override: the number of samples. */
  abstract __len__(): number;
  /** `dataset[i]`. */
  at(index: number): T {
    return this.__getitem__(index);
  }
  /** `len(dataset)`. */
  get length(): number {
    return this.__len__();
  }
}

/** `TensorDataset(*tensors)`: sample i is the tuple of each tensor's row i. */
export class TensorDataset extends Dataset<Tensor[]> {
  readonly tensors: Tensor[];
  constructor(...tensors: Tensor[]) {
    super();
    if (!tensors.length || tensors.some((t) => t.shape[0] !== tensors[0]!.shape[0])) throw new Error('Size mismatch between tensors');
    this.tensors = tensors;
  }
  __getitem__(index: number): Tensor[] {
    return this.tensors.map((t) => t.index(index));
  }
  __len__(): number {
    return this.tensors[0]!.shape[0]!;
  }
}

/** `Subset(dataset, indices)`. */
export class Subset<T = unknown> extends Dataset<T> {
  constructor(readonly dataset: Dataset<T>, readonly indices: readonly number[]) {
    super();
  }
  __getitem__(index: number): T {
    return this.dataset.at(this.indices[index]!);
  }
  __len__(): number {
    return this.indices.length;
  }
}

/**
 * `random_split(dataset, lengths)`: lengths are counts summing to len(dataset), or fractions summing
 * to 1 (floor of each, then the remainder handed out one by one from the first, as PyTorch does).
 */
export function random_split<T>(dataset: Dataset<T>, lengths: readonly number[]): Subset<T>[] {
  const n = dataset.length;
  let counts = [...lengths];
  const fractions = lengths.every((l) => l >= 0 && l <= 1) && Math.abs(lengths.reduce((a, b) => a + b, 0) - 1) < 1e-9 && !lengths.every(Number.isInteger);
  if (fractions) {
    counts = lengths.map((f) => Math.floor(n * f));
    const remainder = n - counts.reduce((a, b) => a + b, 0);
    for (let i = 0; i < remainder; i++) counts[i % counts.length]! += 1;
  }
  if (counts.reduce((a, b) => a + b, 0) !== n) throw new Error('Sum of input lengths does not equal the length of the input dataset!');
  const perm = randperm(n);
  let offset = 0;
  return counts.map((c) => {
    const s = new Subset(dataset, perm.slice(offset, offset + c));
    offset += c;
    return s;
  });
}

export interface DataLoaderOptions {
  batch_size?: number | null;
  shuffle?: boolean;
  drop_last?: boolean;
  collate_fn?: (samples: unknown[]) => unknown;
  /** Accepted for compatibility; loading runs in-process. */
  num_workers?: number;
}

/** PyTorch's `default_collate` over facade tensors. */
function defaultCollateFn(samples: unknown[]): unknown {
  const toCore = (v: unknown): unknown => (v instanceof Tensor ? v.value : Array.isArray(v) ? v.map(toCore) : v);
  const back = (v: Collated): unknown => (v instanceof CoreTensor ? new Tensor(v) : Array.isArray(v) ? v.map(back) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, back(x)])));
  return back(defaultCollate(samples.map(toCore)));
}

/** `DataLoader(dataset, batch_size=1, shuffle=False, drop_last=False, collate_fn=None)`. */
export class DataLoader<B = any> implements Iterable<B> {
  readonly batch_size: number;
  readonly shuffle: boolean;
  readonly drop_last: boolean;
  private readonly collate_fn: (samples: unknown[]) => unknown;

  constructor(readonly dataset: Dataset, opts: DataLoaderOptions = {}) {
    const bs = opts.batch_size ?? 1;
    if (!Number.isInteger(bs) || bs <= 0) throw new Error(`batch_size should be a positive integer value, but got batch_size=${bs}`);
    this.batch_size = bs;
    this.shuffle = opts.shuffle ?? false;
    this.drop_last = opts.drop_last ?? false;
    this.collate_fn = opts.collate_fn ?? defaultCollateFn;
  }

  /** `len(loader)`: the number of batches. */
  get length(): number {
    const n = this.dataset.length / this.batch_size;
    return this.drop_last ? Math.floor(n) : Math.ceil(n);
  }

  *[Symbol.iterator](): Iterator<B> {
    for (const idx of batchIndices(this.dataset.length, this.batch_size, { shuffle: this.shuffle, dropLast: this.drop_last })) {
      yield this.collate_fn(idx.map((i) => this.dataset.at(i))) as B;
    }
  }
}
