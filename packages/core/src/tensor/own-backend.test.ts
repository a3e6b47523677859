/**
 * A tensor computes on its own backend, whatever backend is current when it is read or used:
 * constants (`full`, `zeros`), their elementwise results and reductions, and gradients. The check
 * uses a second backend registered beside the one under test, so it runs in every suite run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/cpu/index.js';
import { getBackend, listBackends, registerBackend, setBackend } from '../backend/registry.js';
import { full, fullLike, ones, tensor, zeros, zerosLike } from './create.js';
import { ctcLoss, multiMarginLoss, sdmlLoss } from '../nn/losses/index.js';
import { uniform_ } from '../nn/init.js';
import { indexTensor } from '../ops/indexing.js';

registerBackend('cpu-other', () => new CpuBackend());
const home = getBackend().name;
const homeBackend = getBackend();
/** Every other backend to switch to while reading (wasm, the second cpu, …). */
const others = listBackends().filter((b) => b !== home);

afterEach(() => setBackend(home));

describe.each(others)('tensors made on the suite backend, read while %s is current', (other) => {
  it('a constant tensor reads its own values and stays on its backend', () => {
    const c = full([4], 3);
    setBackend(other);
    expect(c.tolist()).toEqual([3, 3, 3, 3]);
    expect(c.backend).toBe(homeBackend);
  });

  it('elementwise results and reductions of constants run on their own backend', () => {
    const c = full([4], 3).mul(2);
    const z = zeros([2, 3]).add(1).sum(1);
    setBackend(other);
    expect(c.tolist()).toEqual([6, 6, 6, 6]);
    expect(c.backend).toBe(homeBackend);
    expect(z.tolist()).toEqual([3, 3]);
    expect(ones([3]).backend).toBe(getBackend());
    expect(getBackend()).not.toBe(homeBackend);
  });

  it('a tensor made before the switch computes and differentiates on its own backend', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const y = ones([3]);
    setBackend(other);
    const loss = x.mul(y).mul(2).sum();
    expect(loss.backend).toBe(homeBackend);
    loss.backward();
    expect(x.grad!.tolist()).toEqual([2, 2, 2]);
    expect(x.grad!.backend).toBe(homeBackend);
  });

  it('a constant made on the other backend computes there once the suite backend is current again', () => {
    setBackend(other);
    const otherBackend = getBackend();
    const c = full([2], 5).add(1);
    setBackend(home);
    expect(c.tolist()).toEqual([6, 6]);
    expect(c.backend).toBe(otherBackend);
  });

  it('ops and losses that make helper tensors make them on their inputs\' backend', () => {
    const x = tensor([[0.1, 0.9, 0.3], [0.5, 0.2, 0.8]], { requiresGrad: true });
    const target = tensor([1, 2], { dtype: 'int64' });
    const lp = tensor([[[-1.2, -0.4, -2.1]], [[-0.3, -1.6, -1.5]], [[-0.9, -0.8, -1.7]]]);
    const rows = tensor([1, 0], { dtype: 'int64' });
    const results = () => ({
      like: fullLike(x, 0.5).tolist(),
      zeros: zerosLike(x).tolist(),
      margin: multiMarginLoss(x, target).item(),
      sdml: sdmlLoss(x, x.mul(2)).tolist(),
      ctc: ctcLoss(lp, tensor([[1, 2]], { dtype: 'int64' }), { inputLengths: [3], targetLengths: [2] }).item(),
      index: indexTensor(x, [rows]).tolist(),
    });
    const want = results();
    setBackend(other);
    expect(fullLike(x, 0.5).backend).toBe(homeBackend);
    expect(results()).toEqual(want);
    setBackend(home);
    const w = zeros([2, 3]);
    setBackend(other);
    uniform_(w, -1, 1);
    expect(w.backend).toBe(homeBackend);
    expect((w.tolist() as number[][]).flat().every((v) => v >= -1 && v < 1 && v !== 0)).toBe(true);
  });
});
