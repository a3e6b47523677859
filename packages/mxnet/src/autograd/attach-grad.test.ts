/**
 * `attach_grad()` inside `autograd.record()` makes the array a new leaf (issue 13, defect 9).
 * MXNet 1.9 `NDArray.attach_grad` calls `MXAutogradMarkVariables`, and `Imperative::MarkVariables`
 * (src/imperative/imperative.cc) gives the array a fresh variable entry, cutting it from the ops
 * that produced it; d2l.ai "Automatic Differentiation" relies on it.
 */
import { describe, expect, it } from 'vitest';
import { autograd, nd } from '../index.js';

const vals = (a: { asnumpy(): { tolist(): unknown } }) => a.asnumpy().tolist();

describe('attach_grad of a recorded result (MXNet MarkVariables)', () => {
  it('u = x * y; u.attach_grad(); z = 5 * u - x: x.grad = −1, u.grad = 5, y.grad = 0', () => {
    const x = nd.arange(4).reshape([4, 1]);
    const y = nd.full([4, 1], 2);
    x.attach_grad();
    y.attach_grad();
    let u = x;
    const z = autograd.record(() => {
      u = x.mul(y);
      u.attach_grad();
      return u.mul(5).sub(x);
    });
    z.backward();
    // dz/dx = −1 (u is a variable now, not x·y); dz/du = 5; y no longer reaches z.
    // Before the fix: x.grad = 5y − 1 = 9, u.grad = 0 and y.grad = 5x = [0, 5, 10, 15].
    expect(vals(x.grad!)).toEqual([[-1], [-1], [-1], [-1]]);
    expect(vals(u.grad!)).toEqual([[5], [5], [5], [5]]);
    expect(vals(y.grad!)).toEqual([[0], [0], [0], [0]]);
  });

  it('ops recorded before attach_grad keep their history', () => {
    const x = nd.array([1, 2]);
    x.attach_grad();
    const w = autograd.record(() => {
      const u = x.mul(x);
      const before = u.mul(3);
      u.attach_grad();
      return before;
    });
    w.backward();
    expect(vals(x.grad!)).toEqual([6, 12]);
  });

  it('attach_grad of a leaf keeps the array itself (parameters stay the same tensor)', () => {
    const x = nd.array([1, 2]);
    const t = x.tensor;
    x.attach_grad();
    expect(x.tensor).toBe(t);
  });
});
