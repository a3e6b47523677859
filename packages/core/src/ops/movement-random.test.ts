/**
 * Random chains of movement ops (permute, reshape, expand, slice with any step, pad) mixed with
 * elementwise steps, on random shapes including size-1 and size-0 dims, checked value for value
 * against a float64 host reference, then reduced and checked again. Views compose as index
 * arithmetic in the IR, so this is where a wrong stride, offset or mask would show.
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '../index.js';
import { expectClose, hostOf, reduceRef } from '../test-utils/reference.js';
import { Rng } from '../test-utils/rng.js';
import { applyMove, applyMoveRef, describeChain, randomChain, randomShape } from '../test-utils/shapes.js';
import { sizeOf } from '../shape.js';

const CHAINS = 150;

describe('random chains of views match the host reference', () => {
  const r = new Rng(2024);
  const cases = Array.from({ length: CHAINS }, (_, i) => {
    const shape = randomShape(r, 1, 3, 4, i % 10 === 9);
    return { i, shape, ops: randomChain(r, shape, 2 + r.int(4)) };
  });

  it.each(cases)('chain $i from $shape', ({ shape, ops }) => {
    const data = new Rng(7).uniforms(sizeOf(shape), -1, 1);
    let t = tensor(data, { dtype: 'float64', shape });
    let h = hostOf(t);
    const steps: string[] = [];
    for (const op of ops) {
      t = applyMove(t, op);
      h = applyMoveRef(h, op);
      steps.push(describeChain([op]));
      expect(t.shape, steps.join(' → ')).toEqual(h.shape);
    }
    // Read the final view, and reduce it without reading first (the reduction reads through the view).
    expectClose(t, h, { rtol: 1e-15, atol: 0 });
    if (h.shape.length > 0) {
      const axis = h.shape.length - 1;
      const lazy = ops.reduce((acc, op) => applyMove(acc, op), tensor(data, { dtype: 'float64', shape }));
      expectClose(lazy.sum(axis), reduceRef(h, [axis], false, (v) => v.reduce((a, b) => a + b, 0)), { rtol: 1e-14, atol: 1e-14 });
    }
  });
});
