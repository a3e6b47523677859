import type { Lazy, LReduce } from './lazy.js';
import { viewKey } from './view.js';

/**
 * The structural identity of the kernel that computes `root` (and its leaves, in the order the
 * kernel takes them): two expressions with equal keys run the same compiled code. Shared nodes
 * appear once and are referenced back (`@n`), so the DAG shape is part of the key.
 */
export interface Signature {
  readonly key: string;
  readonly body: Lazy[];
  readonly epi: Lazy[];
}

let epoch = 0;

/** Null when the tree holds an unrealized reduction other than `reduce` (the scheduler must act first). */
export function signature(root: Lazy, reduce: LReduce | null): Signature | null {
  const body: Lazy[] = [];
  const epi: Lazy[] = [];
  let key = `${root.shape.join(',')}|${root.dtype}|`;
  if (reduce) key += `${reduce.op}${reduce.axes.join(',')}/${reduce.src.shape.join(',')}|`;
  let pass = ++epoch;
  let count = 0;
  let leaves = body;
  let ok = true;
  const walk = (n: Lazy): string => {
    if (n.mark === pass) return `@${n.markId}`;
    n.mark = pass;
    n.markId = count++;
    if (n === reduce && leaves === epi) return 'A';
    if (n.buf) {
      leaves.push(n);
      return `R${n.dtype}`;
    }
    switch (n.kind) {
      case 'load':
        leaves.push(n);
        return `L${n.dtype}${viewKey(n.view)}${n.view.offset === 0 ? 'z' : ''}`;
      case 'const': return `C${n.value}${n.dtype}`;
      case 'unary': return `U${n.op}(${walk(n.a)})`;
      case 'cast': return `K${n.dtype}(${walk(n.a)})`;
      case 'binary': return `B${n.op}${n.dtype}(${walk(n.a)},${walk(n.b)})`;
      case 'where': return `W(${walk(n.c)},${walk(n.a)},${walk(n.b)})`;
      case 'reduce': ok = false; return '';
    }
  };
  key += walk(reduce ? reduce.src : root);
  if (reduce) {
    pass = ++epoch;
    count = 0;
    leaves = epi;
    key += `|${walk(root)}`;
  }
  return ok ? { key, body, epi } : null;
}
