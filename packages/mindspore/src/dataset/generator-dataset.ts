/**
 * `mindspore.dataset.GeneratorDataset(source, column_names, shuffle=None)` and `.batch`: rows from a
 * list of tuples (random access: shuffled unless `shuffle=False`, as MindSpore), a generator function,
 * or an object with `__getitem__`/`__len__`; columns become Tensors, batches stack them.
 */
import { NDArray, batchIndices, bindArgs, randperm, stack, tensor, type Tensor as CoreTensor } from '@rosetta/core';
import { datasetGenerator } from '../seed.js';
import { TensorImpl, wrap, type Tensor } from '../tensor.js';

type Row = unknown[];
type Source = readonly unknown[] | (() => Iterable<unknown>) | { __getitem__(i: number): unknown; __len__(): number };

const asRow = (r: unknown): Row => (Array.isArray(r) ? r : [r]);

/** A column value as a core tensor (np arrays keep their dtype; JS numbers are float32). */
function cell(v: unknown): CoreTensor {
  if (v instanceof TensorImpl) return v.value;
  if (v instanceof NDArray) return tensor(v);
  return tensor(v as number);
}

export class Dataset {
  constructor(
    protected readonly rows: () => Row[],
    readonly column_names: string[],
    protected readonly batchSize: number | null = null,
    protected readonly dropRemainder = false,
  ) {}

  /** `batch(batch_size, drop_remainder=False)`: a dataset of stacked rows. */
  batch(...args: unknown[]): Dataset {
    const o = bindArgs('batch', ['batch_size', 'drop_remainder'], { batch_size: 1, drop_remainder: false }, args);
    if (!Number.isInteger(o.batch_size) || o.batch_size <= 0) throw new Error(`For 'batch', the 'batch_size' must be a positive int, but got ${o.batch_size}.`);
    return new Dataset(this.rows, this.column_names, o.batch_size, o.drop_remainder);
  }

  /** The rows of one pass (batched when `batch` was called), each column a Tensor. */
  private *pass(): Generator<Tensor[]> {
    const rows = this.rows();
    if (this.batchSize === null) {
      for (const r of rows) yield r.map((v) => wrap(cell(v)));
      return;
    }
    for (const idx of batchIndices(rows.length, this.batchSize, { dropLast: this.dropRemainder })) {
      const cols = this.column_names.map((_, c) => wrap(stack(idx.map((i) => cell(rows[i]![c])))));
      yield cols;
    }
  }

  /** `create_tuple_iterator(num_epochs=-1, output_numpy=False)`: each row as an array of Tensors. */
  create_tuple_iterator(..._args: unknown[]): Iterable<Tensor[]> {
    return { [Symbol.iterator]: () => this.pass() };
  }

  /** `create_dict_iterator()`: each row as `{ column: Tensor }`. */
  create_dict_iterator(..._args: unknown[]): Iterable<Record<string, Tensor>> {
    const names = this.column_names;
    const self = this;
    return {
      *[Symbol.iterator]() {
        for (const r of self.pass()) yield Object.fromEntries(names.map((n, i) => [n, r[i]!]));
      },
    };
  }

  [Symbol.iterator](): Iterator<Tensor[]> {
    return this.pass();
  }

  /** `get_dataset_size()`: rows, or batches after `batch`. */
  get_dataset_size(): number {
    const n = this.rows().length;
    if (this.batchSize === null) return n;
    return this.dropRemainder ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** `get_col_names()`. */
  get_col_names(): string[] {
    return [...this.column_names];
  }
}

/** A source's row count and random access (generator functions are read whole). */
function access(source: Source): { n: () => number; at: (i: number) => unknown; random: boolean } {
  if (typeof source === 'function') {
    let cache: unknown[] | null = null;
    const all = () => (cache ??= [...source()]);
    return { n: () => all().length, at: (i) => all()[i], random: false };
  }
  if (Array.isArray(source)) return { n: () => source.length, at: (i) => (source as readonly unknown[])[i], random: true };
  const s = source as { __getitem__(i: number): unknown; __len__(): number };
  return { n: () => s.__len__(), at: (i) => s.__getitem__(i), random: true };
}

/**
 * `GeneratorDataset(source, column_names=None, shuffle=None)`.
 * NOTE: as in MindSpore, a list source is read in random order unless `shuffle: false`.
 */
export function GeneratorDataset(source: Source, ...args: unknown[]): Dataset {
  const o = bindArgs('GeneratorDataset', ['column_names', 'column_types', 'schema', 'num_samples', 'num_parallel_workers', 'shuffle'], {
    column_names: null as string | string[] | null, column_types: null as unknown, schema: null as unknown, num_samples: null as number | null,
    num_parallel_workers: 1, shuffle: null as boolean | null, sampler: null as unknown, python_multiprocessing: true,
  }, args);
  const src = access(source);
  if (o.shuffle && !src.random) throw new Error("For 'GeneratorDataset', 'shuffle' is not supported for a generator source (it has no random access).");
  const shuffled = src.random && o.shuffle !== false;
  const count = () => (o.num_samples === null ? src.n() : Math.min(o.num_samples, src.n()));
  const read = (): Row[] => {
    const order = shuffled ? randperm(src.n(), datasetGenerator()) : Array.from({ length: src.n() }, (_, i) => i);
    return order.slice(0, count()).map((i) => asRow(src.at(i)));
  };
  const first = src.n() ? asRow(src.at(0)) : undefined;
  const names = o.column_names === null ? (first ?? []).map((_, i) => `column_${i}`) : typeof o.column_names === 'string' ? [o.column_names] : o.column_names;
  if (first && first.length !== names.length) {
    throw new Error(`For 'GeneratorDataset', the number of columns returned by the source (${first.length}) does not match column_names ${JSON.stringify(names)}.`);
  }
  return new Dataset(read, names);
}
