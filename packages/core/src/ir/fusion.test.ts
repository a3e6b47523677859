/**
 * Fusion and kernel caching, seen through `kernelStats()`: elementwise chains feeding a reduction
 * are one launch, movement ops are index arithmetic (no copy kernels), warm repeats compile nothing.
 * Every test also checks the computed value, so a count cannot pass on a wrong result.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  concat, getBackend, kernelStats, listBackends, resetKernelStats, setBackend, tensor, type KernelStats, type Tensor,
} from '../index.js';
import { broadcastMap, expectClose, hostOf, matmulRef, permuteRef, reduceRef } from '../test-utils/reference.js';
import { Rng } from '../test-utils/rng.js';
import { sizeOf } from '../shape.js';

const sumOf = (v: number[]): number => v.reduce((a, b) => a + b, 0);

describe.each(listBackends())('fusion on the %s backend', (backend) => {
  let previous: string;
  beforeAll(() => {
    previous = getBackend().name;
    setBackend(backend);
  });
  afterAll(() => setBackend(previous));

  let rng: Rng;
  beforeEach(() => {
    rng = new Rng(90);
  });
  const f32 = (shape: number[], opts: { requiresGrad?: boolean } = {}): Tensor =>
    tensor(rng.normals(sizeOf(shape)), { shape, requiresGrad: opts.requiresGrad ?? false });
  /** Runs `f` with zeroed counters and returns what it launched and compiled. */
  const count = <T>(f: () => T): [T, KernelStats] => {
    resetKernelStats();
    const out = f();
    return [out, kernelStats()];
  };

  describe('the L1 loss mean(abs(x − y))', () => {
    it('is lazy until read, then exactly one launch; a second read launches nothing', () => {
      const x = f32([64, 32]);
      const y = f32([64, 32]);
      const [loss, built] = count(() => x.sub(y).abs().mean());
      expect(built.launches).toBe(0);
      const [value, read] = count(() => loss.item());
      expect(read.launches).toBe(1);
      const want = sumOf(Array.from(broadcastMap([hostOf(x), hostOf(y)], (a, b) => Math.abs(a - b)).data)) / (64 * 32);
      expect(value).toBeCloseTo(want, 6);
      expect(count(() => loss.item())[1].launches).toBe(0);
    });

    it('forward 1 launch + gradient 1 launch: 2 in all (≤ 2), with the right gradient', () => {
      const x = f32([64, 32], { requiresGrad: true });
      const y = f32([64, 32]);
      const [loss, fwd] = count(() => {
        const l = x.sub(y).abs().mean();
        l.item();
        return l;
      });
      const [, bwd] = count(() => {
        loss.backward();
        x.grad!.dataSync();
      });
      expect(fwd.launches).toBe(1);
      expect(bwd.launches).toBe(1);
      expect(fwd.launches + bwd.launches).toBeLessThanOrEqual(2);
      expectClose(x.grad!, broadcastMap([hostOf(x), hostOf(y)], (a, b) => Math.sign(a - b) / (64 * 32)), { rtol: 1e-6, atol: 0 });
    });

    it('with both operands requiring grad, the backward is one launch per leaf gradient', () => {
      const x = f32([16, 8], { requiresGrad: true });
      const y = f32([16, 8], { requiresGrad: true });
      const loss = x.sub(y).abs().mean();
      loss.item();
      const [, bwd] = count(() => loss.backward());
      expect(bwd.launches).toBe(2);
      const gx = hostOf(x.grad!).data;
      const gy = hostOf(y.grad!).data;
      gx.forEach((v, i) => expect(gy[i]).toBe(-v));
      expect(Math.abs(gx[0]!)).toBe(Math.fround(1 / 128));
    });

    it('a warm repeat with the same shapes (new values) compiles 0 new kernels', () => {
      const step = (): number => {
        const x = f32([48, 40], { requiresGrad: true });
        const y = f32([48, 40]);
        const loss = x.sub(y).abs().mean();
        const v = loss.item();
        loss.backward();
        x.grad!.dataSync();
        return v;
      };
      const [, cold] = count(step);
      expect(cold.launches).toBe(2);
      const [value, warm] = count(step);
      expect(warm.compiled).toBe(0);
      expect(warm.launches).toBe(2);
      expect(value).toBeGreaterThan(0.5); // E|x − y| = 2/√π ≈ 1.13 for independent normals
    });
  });

  it('the MSE forward is one launch and its backward one more', () => {
    const x = f32([32, 16], { requiresGrad: true });
    const y = f32([32, 16]);
    const [loss, fwd] = count(() => {
      const l = x.sub(y).pow(2).mean();
      l.item();
      return l;
    });
    const [, bwd] = count(() => {
      loss.backward();
      x.grad!.dataSync();
    });
    expect([fwd.launches, bwd.launches]).toEqual([1, 1]);
    expectClose(x.grad!, broadcastMap([hostOf(x), hostOf(y)], (a, b) => (2 * (a - b)) / 512), { rtol: 1e-5, atol: 1e-9 });
  });

  it('a long elementwise chain is one kernel; a reduction with an elementwise epilogue is one kernel', () => {
    const x = f32([8, 6]);
    const [chain, c] = count(() => x.exp().mul(2).sub(1).tanh().abs().add(x).mul(x).neg().dataSync());
    expect(c.launches).toBe(1);
    expectClose(chain, broadcastMap([hostOf(x)], (v) => -(Math.abs(Math.tanh(2 * Math.exp(v) - 1)) + v) * v), { rtol: 1e-6, atol: 1e-7 });
    const [rows, r] = count(() => x.sum(1).mul(2).add(1).dataSync());
    expect(r.launches).toBe(1);
    expectClose(rows, reduceRef(hostOf(x), [1], false, (v) => 2 * sumOf(v) + 1).data, { rtol: 1e-6, atol: 1e-6 });
  });

  it('expressions stay bounded: 100 chained adds realize a few intermediates, not 100', () => {
    const x = f32([4, 4]);
    const [out, s] = count(() => {
      let t = x;
      for (let i = 0; i < 100; i++) t = t.add(1);
      return t.dataSync();
    });
    expect(s.launches).toBeGreaterThanOrEqual(1);
    expect(s.launches).toBeLessThanOrEqual(5);
    expectClose(out, broadcastMap([hostOf(x)], (v) => v + 100), { rtol: 1e-6, atol: 1e-5 });
  });

  describe('movement ops are views: no copy kernels', () => {
    it('reshape, permute, expand and slice launch nothing until read', () => {
      const x = f32([4, 6]);
      const [views, s] = count(() => [
        x.reshape([6, 4]),
        x.reshape([2, 2, 6]).permute([2, 0, 1]),
        x.reshape([4, 1, 6]).expand([4, 3, 6]),
        x.slice([[null, null, -1], [1, null, 2]]),
        x.transpose(0, 1).unsqueeze(0).squeeze(0),
      ]);
      expect(s.launches).toBe(0);
      // Reading a reshape of a contiguous tensor needs no kernel at all.
      const [r, rs] = count(() => views[0]!.dataSync());
      expect(rs.launches).toBe(0);
      expect(Array.from(r as Float32Array)).toEqual(Array.from(hostOf(x).data));
      // Reading a strided view copies it once, to give a contiguous host array.
      const [p, ps] = count(() => views[1]!.dataSync());
      expect(ps.launches).toBe(1);
      expect(Array.from(p as Float32Array)).toEqual(Array.from(permuteRef({ shape: [2, 2, 6], data: hostOf(x).data }, [2, 0, 1]).data));
    });

    it('a reduction reads permuted, sliced and broadcast views through strides in one launch', () => {
      const x = f32([8, 5]);
      const [v, s] = count(() => x.transpose(0, 1).mul(2).sum(1).dataSync());
      expect(s.launches).toBe(1);
      expectClose(v, reduceRef(hostOf(x), [0], false, (g) => 2 * sumOf(g)).data, { rtol: 1e-6, atol: 1e-6 });
      const [w, t] = count(() => x.reshape([5, 8]).unsqueeze(0).expand([3, 5, 8]).slice([null, [null, null, -2], [1, null, 3]]).sum().item());
      expect(t.launches).toBe(1);
      const h = hostOf(x).data;
      let want = 0;
      for (const r of [4, 2, 0]) for (const c of [1, 4, 7]) want += 3 * h[r * 8 + c]!;
      expect(w).toBeCloseTo(want, 4);
    });

    it('x.transpose(0, 1).matmul(y) and strided operands run the matmul alone, no copy', () => {
      const x = f32([6, 4]);
      const y = f32([6, 3]);
      const [m, s] = count(() => x.transpose(0, 1).matmul(y).dataSync());
      expect(s.launches).toBe(1);
      expectClose(m, matmulRef(hostOf(x.transpose(0, 1)), hostOf(y)).data, { rtol: 1e-5, atol: 1e-6 });
      const [n, t] = count(() => x.slice([[null, null, 2]]).transpose(0, 1).matmul(y.slice([[null, null, -2]])).dataSync());
      expect(t.launches).toBe(1);
      expectClose(n, matmulRef(hostOf(x.slice([[null, null, 2]]).transpose(0, 1)), hostOf(y.slice([[null, null, -2]]))).data, { rtol: 1e-5, atol: 1e-6 });
    });

    it('concat of realized tensors is a sum of padded views: nothing until read, then one kernel', () => {
      const a = f32([2, 3]);
      const b = f32([4, 3]);
      const [c, s] = count(() => concat([a, b.transpose(0, 1).transpose(1, 0)]));
      expect(s.launches).toBe(0);
      const [v, r] = count(() => c.mul(2).dataSync());
      expect(r.launches).toBe(1);
      expect(Array.from(v as Float32Array)).toEqual([...hostOf(a).data, ...hostOf(b).data].map((e) => 2 * e));
    });
  });

  it('a reduction of a reduction runs as two kernels', () => {
    const x = f32([4, 5]);
    const [v, s] = count(() => x.sum(1).sum().item());
    expect(s.launches).toBe(2);
    expect(v).toBeCloseTo(sumOf(Array.from(hostOf(x).data)), 4);
  });

  describe('softmax family', () => {
    it('softmax forward: max kernel + sum kernel + output kernel = 3 launches; warm: 0 compiled', () => {
      const x = f32([8, 10]);
      const [s, cold] = count(() => x.softmax(1).dataSync());
      expect(cold.launches).toBe(3);
      const [, warm] = count(() => f32([8, 10]).softmax(1).dataSync());
      expect(warm.launches).toBe(3);
      expect(warm.compiled).toBe(0);
      const rows = reduceRef({ shape: [8, 10], data: Float64Array.from(s as Float32Array) }, [1], false, sumOf);
      rows.data.forEach((v) => expect(Math.abs(v - 1)).toBeLessThan(1e-6));
    });

    it('logsumexp forward: max kernel + sum-with-log-epilogue = 2 launches', () => {
      const x = f32([8, 10]);
      const [v, s] = count(() => x.logsumexp(1).dataSync());
      expect(s.launches).toBe(2);
      const lse = (g: number[]) => Math.log(sumOf(g.map(Math.exp)));
      expectClose(v, reduceRef(hostOf(x), [1], false, lse).data, { rtol: 1e-6, atol: 1e-6 });
    });
  });
});
