/**
 * Python/NumPy indexing in method form, shared by the facades (`x[:, 0]` → `x.index(':', 0)`,
 * `x[mask]` → `x.index(mask)`): numbers pick (dropping the axis), slice strings (`':'`, `'1:'`,
 * `'::2'`) take views, `null` adds an axis, `'...'` stands for the remaining axes, a bool tensor
 * selects rows, an integer tensor picks entries along its axis.
 */
import { onBackend } from '../backend/registry.js';
import { IndexError } from '../errors.js';
import { tensor } from '../tensor/create.js';
import { Tensor as CoreTensor } from '../tensor/tensor.js';

/** One index: what may appear between the brackets of `x[...]`. */
export type IndexKey = number | string | null | CoreTensor;

function parseSlice(key: string): (number | null)[] {
  const parts = key.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p.trim() !== '' && !/^-?\d+$/.test(p.trim()))) {
    throw new IndexError(`index: '${key}' is not a slice; expected 'start:stop' or 'start:stop:step' with integers or blanks`);
  }
  return parts.map((p) => (p.trim() === '' ? null : Number(p)));
}

/** Rows where a bool mask (over the leading axes) is true, as PyTorch's `x[mask]`. */
function maskSelect(x: CoreTensor, mask: CoreTensor): CoreTensor {
  const m = mask.shape;
  if (m.length > x.ndim || m.some((d, i) => d !== x.shape[i])) {
    throw new IndexError(`The shape of the mask [${m.join(', ')}] does not match the shape of the indexed tensor [${x.shape.join(', ')}]`);
  }
  const flags = mask.dataSync();
  const picked: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i]) picked.push(i);
  const rest = x.shape.slice(m.length);
  const rows = x.reshape([flags.length, ...rest]);
  return takeRows(rows, picked);
}

/** `rows[idx]` along axis 0. */
function takeRows(rows: CoreTensor, idx: readonly number[]): CoreTensor {
  const rest = rows.shape.slice(1);
  const index = tensor(idx, { dtype: 'int64' }).reshape([idx.length, ...rest.map(() => 1)]).expand([idx.length, ...rest]);
  return rows.gather(0, index);
}

/** `x[keys…]` (see the module comment); the facades call it from their `index(...)` methods. */
export function indexTensor(x: CoreTensor, keys: readonly IndexKey[]): CoreTensor {
  return onBackend(x.backend, () => {
    const only = keys[0];
    if (keys.length === 1 && only instanceof CoreTensor && only.dtype === 'bool') return maskSelect(x, only);
    const ell = keys.indexOf('...');
    const used = keys.filter((k) => k !== null && k !== '...').length;
    const expanded = ell < 0 ? [...keys] : [...keys.slice(0, ell), ...Array<IndexKey>(Math.max(0, x.ndim - used)).fill(':'), ...keys.slice(ell + 1)];
    let out = x;
    let axis = 0;
    for (const key of expanded) {
      if (key === null) {
        out = out.unsqueeze(axis++);
      } else if (typeof key === 'number') {
        const n = out.shape[axis];
        if (n === undefined) throw new IndexError(`too many indices for tensor of dimension ${x.ndim}`);
        if (!Number.isInteger(key) || key < -n || key >= n) throw new IndexError(`index ${key} is out of bounds for dimension ${axis} with size ${n}`);
        out = out.narrow(axis, key < 0 ? key + n : key, 1).squeeze(axis);
      } else if (typeof key === 'string') {
        if (out.shape[axis] === undefined) throw new IndexError(`too many indices for tensor of dimension ${x.ndim}`);
        const spec: (readonly (number | null)[] | null)[] = out.shape.map(() => null);
        spec[axis] = parseSlice(key);
        out = out.slice(spec);
        axis++;
      } else {
        if (key.dtype === 'bool') throw new IndexError('a bool mask is only supported as the single index (x[mask])');
        const idx = Array.from(key.dataSync() as ArrayLike<number | bigint>, Number);
        const n = out.shape[axis]!;
        idx.forEach((i) => {
          if (!Number.isInteger(i) || i < -n || i >= n) throw new IndexError(`index ${i} is out of bounds for dimension ${axis} with size ${n}`);
        });
        const moved = out.transpose(0, axis);
        out = takeRows(moved, idx.map((i) => (i < 0 ? i + n : i))).transpose(0, axis);
        axis++;
      }
    }
    return out;
  });
}
