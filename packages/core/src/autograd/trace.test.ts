import { describe, expect, it } from 'vitest';
import { noGrad, tensor, traceOps } from '../index.js';

describe('traceOps', () => {
  it('lists the primitives of an L1 loss in order, with their operands', () => {
    const x = tensor([1, -2, 3]);
    const y = tensor([0, 0, 1]);
    const { result, ops } = traceOps(() => x.sub(y).abs().mean());
    expect(ops.map((o) => o.prim)).toEqual(['sub', 'abs', 'sum', 'mul']);
    expect(ops[0]!.inputs[0]).toBe(x);
    expect(ops[0]!.inputs[1]).toBe(y);
    expect(ops[1]!.inputs[0]).toBe(ops[0]!.out);
    expect(ops[2]!.attrs).toEqual({ axes: [0] });
    expect(ops[3]!.out).toBe(result);
    expect(result.item()).toBeCloseTo(5 / 3, 6);
  });

  it('records comparisons and composites as primitives, in any grad mode', () => {
    const x = tensor([[1, 2], [3, 0]]);
    const { ops } = traceOps(() => noGrad(() => x.relu().gt(1).logicalNot()));
    expect(ops.map((o) => o.prim)).toEqual(['le', 'where', 'gt', 'logicalNot']);
  });

  it('records nothing outside a trace and restores the outer trace', () => {
    const x = tensor([1, 2]);
    const outer = traceOps(() => {
      const inner = traceOps(() => x.exp());
      expect(inner.ops.map((o) => o.prim)).toEqual(['exp']);
      return x.neg();
    });
    expect(outer.ops.map((o) => o.prim)).toEqual(['neg']);
  });
});
