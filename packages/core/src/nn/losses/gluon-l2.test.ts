import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBackend, listBackends, setBackend } from '../../backend/registry.js';
import type { DType } from '../../dtype.js';
import { tensor } from '../../tensor/create.js';
import type { Tensor } from '../../tensor/tensor.js';
import { gradcheck } from '../../test-utils/gradcheck.js';
import { expectClose, host, reduceRef, type Host } from '../../test-utils/reference.js';
import { Rng } from '../../test-utils/rng.js';
import { T, checkBoth, mean, sum } from '../../test-utils/loss-checks.js';
import { l2Loss } from './gluon-l2.js';

const f32 = (xs: Float64Array): number[] => Array.from(xs, Math.fround);

describe.each(listBackends())('l2Loss on the %s backend', (backend) => {
  let previous: string;
  beforeAll(() => {
    previous = getBackend().name;
    setBackend(backend);
  });
  afterAll(() => setBackend(previous));

  const r = new Rng(11);
  const p = f32(r.normals(12));
  const l = f32(r.normals(12));
  const ref = host(p.map((x, i) => 0.5 * (l[i]! - x) ** 2), [3, 4]);

  it('½(label − pred)², every reduction, float64 and float32', () => {
    checkBoth((dt) => l2Loss(T(p, [3, 4], dt), T(l, [3, 4], dt)), ref);
    checkBoth((dt) => l2Loss(T(p, [3, 4], dt), T(l, [3, 4], dt), { reduction: { batchAxis: 0 } }), reduceRef(ref, [1], false, mean));
    checkBoth((dt) => l2Loss(T(p, [3, 4], dt), T(l, [3, 4], dt), { reduction: 'sum' }), host([sum(Array.from(ref.data))], []));
    checkBoth((dt) => l2Loss(T(p, [3, 4], dt), T(l, [3, 4], dt), { reduction: 'mean' }), host([mean(Array.from(ref.data))], []));
  });

  it('reshapes the label like pred; a wrong element count is an error naming the loss and label', () => {
    expectClose(l2Loss(T(p, [3, 4]), T(l, [12])), ref, { rtol: 1e-12 });
    expect(() => l2Loss(T(p, [3, 4]), T(l.slice(0, 10), [10]), { name: 'L2Loss' })).toThrow(
      'L2Loss: cannot reshape label of shape [10] (10 elements) to the shape of pred [3, 4] (12 elements)',
    );
  });

  it('worked example: pred [[1,2],[3,4]], label ones → batch means [0.25, 3.25]', () => {
    expectClose(l2Loss(tensor([[1, 2], [3, 4]]), tensor([[1, 1], [1, 1]]), { reduction: { batchAxis: 0 } }), [0.25, 3.25]);
  });

  it('gradcheck w.r.t. pred and label', () => {
    const rep = gradcheck((a, b) => l2Loss(a!, b!), [T(p, [3, 4]), T(l, [3, 4])]);
    expect(rep.ok, rep.message).toBe(true);
  });
});
