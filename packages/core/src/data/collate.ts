/** Turning a list of samples into a batch (`torch.utils.data.default_collate`). */
import { ValueError } from '../errors.js';
import { NDArray } from '../np/index.js';
import { stack } from '../ops/movement.js';
import { tensor } from '../tensor/create.js';
import { Tensor } from '../tensor/tensor.js';

/** A collated batch: tensors, or arrays/objects of them mirroring the sample structure. */
export type Collated = Tensor | Collated[] | { [key: string]: Collated };

/**
 * Stacks samples field by field, as PyTorch's `default_collate`: tensors and `np` arrays are
 * stacked on a new first axis; numbers become a float32 vector (NOTE: JavaScript has no int/float
 * distinction, so PyTorch's int64 for Python ints is not reproduced; pass tensors for labels that
 * need an integer dtype), booleans a bool vector; arrays (tuples) and plain objects are collated
 * per position / key.
 */
export function defaultCollate(samples: readonly unknown[]): Collated {
  if (samples.length === 0) throw new ValueError('defaultCollate: expected a non-empty list of samples');
  const first = samples[0];
  if (first instanceof Tensor) return stack(samples.map((s, i) => asTensor(s, i)));
  if (first instanceof NDArray) return stack(samples.map((s, i) => asTensor(s, i)));
  if (typeof first === 'number' || typeof first === 'boolean' || typeof first === 'bigint') {
    samples.forEach((s, i) => {
      if (typeof s !== typeof first) throw mismatch(i, typeof first, s);
    });
    return tensor(samples as number[]);
  }
  if (Array.isArray(first)) {
    const n = first.length;
    samples.forEach((s, i) => {
      if (!Array.isArray(s) || s.length !== n) throw new ValueError(`defaultCollate: each element in list of batch should be of equal size (sample 0 has ${n} fields, sample ${i} has ${Array.isArray(s) ? s.length : 'none'})`);
    });
    return first.map((_, k) => defaultCollate(samples.map((s) => (s as unknown[])[k])));
  }
  if (first !== null && typeof first === 'object') {
    const keys = Object.keys(first);
    return Object.fromEntries(keys.map((k) => [k, defaultCollate(samples.map((s) => (s as Record<string, unknown>)[k]))]));
  }
  throw new ValueError(`defaultCollate: default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found ${describe(first)}`);
}

function asTensor(s: unknown, i: number): Tensor {
  if (s instanceof Tensor) return s;
  if (s instanceof NDArray) return tensor(s);
  throw mismatch(i, 'Tensor', s);
}

function mismatch(i: number, expected: string, got: unknown): ValueError {
  return new ValueError(`defaultCollate: sample ${i} is ${describe(got)}, expected ${expected} like sample 0`);
}

function describe(v: unknown): string {
  return v === null ? 'null' : typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v;
}
