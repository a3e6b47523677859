import * as core from '@rosetta/core';
import { describe, expect, it } from 'vitest';
import { autograd, init, nd } from '../index.js';
import { ArrayDataset, DataLoader } from './data/index.js';
import { Block, DeferredInitializationError, Trainer } from './index.js';
import * as gloss from './loss/index.js';
import { Dense, Sequential } from './nn/index.js';

const vals = (a: { asnumpy(): { tolist(): unknown } }) => a.asnumpy().tolist();

describe('Dense and deferred initialization', () => {
  it('infers in_units on the first call and names parameters with MXNet prefixes', () => {
    const net = Dense(3);
    const prefix = net.prefix;
    expect(prefix).toMatch(/^dense\d+_$/);
    expect(String(net)).toBe('Dense(None -> 3, linear)');
    net.initialize();
    expect(() => net.weight.data()).toThrow(DeferredInitializationError);
    const y = net(nd.ones([2, 4]));
    expect(y.shape).toEqual([2, 3]);
    expect(net.weight.shape).toEqual([3, 4]);
    expect(String(net)).toBe('Dense(4 -> 3, linear)');
    expect(net.collect_params().keys()).toEqual([`${prefix}weight`, `${prefix}bias`]);
    expect(vals(net.bias!.data())).toEqual([0, 0, 0]);
  });
  it('the default initializer is Uniform(0.07) for weights; y = x·Wᵀ + b', () => {
    core.manualSeed(5);
    const net = Dense(2, { in_units: 3, activation: 'relu' });
    net.initialize();
    const w = vals(net.weight.data()) as number[][];
    expect(w.flat().every((v) => Math.abs(v) <= 0.07)).toBe(true);
    expect(w.flat().some((v) => Math.abs(v) > 0.035)).toBe(true);
    const x = [[1, -2, 0.5]];
    const ref = w.map((row) => Math.max(0, row.reduce((s, v, j) => s + v * x[0]![j]!, 0)));
    const out = (vals(net(nd.array(x))) as number[][])[0]!;
    out.forEach((v, i) => expect(v).toBeCloseTo(ref[i]!, 6));
  });
  it('Xavier, Normal and Constant initializers', () => {
    const d = Dense(10, { in_units: 20 });
    d.initialize(init.Xavier());
    const bound = Math.sqrt(3 / ((20 + 10) / 2));
    expect((vals(d.weight.data()) as number[][]).flat().every((v) => Math.abs(v) <= bound)).toBe(true);
    d.initialize(init.Constant(0.5), { force_reinit: true });
    expect((vals(d.weight.data()) as number[][]).flat().every((v) => v === 0.5)).toBe(true);
    expect(vals(d.bias!.data())).toEqual(new Array(10).fill(0));
  });
});

describe('Sequential and custom blocks', () => {
  it('chains children, collects their parameters and prints them', () => {
    const net = Sequential();
    net.add(Dense(4, { activation: 'tanh' }), Dense(1));
    net.initialize();
    expect(net(nd.ones([3, 2])).shape).toEqual([3, 1]);
    expect(net.collect_params().keys().length).toBe(4);
    expect(String(net)).toMatch(/^Sequential\(\n {2}\(0\): Dense\(2 -> 4, tanh\)\n {2}\(1\): Dense\(4 -> 1, linear\)\n\)$/);
  });
  it('a Block subclass finds child blocks in its fields', () => {
    class Net extends Block {
      hidden = Dense(3, { in_units: 2 });
      out = Dense(1, { in_units: 3 });
      override forward(x: ReturnType<typeof nd.ones>) {
        return this.out(this.hidden(x).relu());
      }
    }
    const net = new Net();
    net.initialize();
    expect(net.collect_params().keys()).toEqual([
      `${net.hidden.prefix}weight`, `${net.hidden.prefix}bias`, `${net.out.prefix}weight`, `${net.out.prefix}bias`,
    ]);
    expect(net(nd.ones([5, 2])).shape).toEqual([5, 1]);
  });
});

describe('Trainer', () => {
  it("sgd step(batch_size) divides the summed gradient by batch_size (w ← w − lr·Σg/N)", () => {
    const net = Dense(1, { in_units: 2 });
    net.initialize(init.Constant(0.5));
    const X = nd.array([[1, 2], [3, 4]]);
    const y = nd.array([1, 0]);
    const l = autograd.record(() => gloss.L2Loss()(net(X), y));
    l.backward();
    const trainer = new Trainer(net.collect_params(), 'sgd', { learning_rate: 0.1 });
    trainer.step(2);
    // pred = 0.5·(x1 + x2) + 0: [1.5, 3.5]; dL/dpred = pred − y = [0.5, 3.5]
    const gw = [0.5 * 1 + 3.5 * 3, 0.5 * 2 + 3.5 * 4];
    const w = (vals(net.weight.data()) as number[][])[0]!;
    expect(w[0]).toBeCloseTo(0.5 - (0.1 * gw[0]!) / 2, 6);
    expect(w[1]).toBeCloseTo(0.5 - (0.1 * gw[1]!) / 2, 6);
    // the bias keeps its own initializer (zeros), as in MXNet
    expect((vals(net.bias!.data()) as number[])[0]).toBeCloseTo(0 - (0.1 * 4) / 2, 6);
  });
  it('adam uses the ε-hat rule; unknown optimizers are named', () => {
    const net = Dense(1, { in_units: 1 });
    net.initialize(init.One());
    autograd.record(() => net(nd.array([[2]]))).backward();
    new Trainer(net.collect_params(), 'adam', { learning_rate: 0.01 }).step(1);
    // first Adam step: m = 0.1·g, v = 0.001·g², lr_t = 0.01·√0.001/0.1 → w − 0.01·g/(|g| + ε·…) ≈ w − 0.01
    expect((vals(net.weight.data()) as number[][])[0]![0]).toBeCloseTo(1 - 0.01, 6);
    expect(() => new Trainer(net.collect_params(), 'lamb')).toThrow('Trainer: Cannot find optimizer lamb');
  });
  it('trains a line y = 2x + 1 with the tutorial loop', () => {
    core.manualSeed(0);
    const X = nd.random.uniform({ low: -1, high: 1, shape: [64, 1] });
    const Y = X.mul(2).add(1);
    const net = Dense(1);
    net.initialize();
    const loss = gloss.L2Loss();
    const trainer = new Trainer(net.collect_params(), 'sgd', { learning_rate: 0.5 });
    const loader = new DataLoader(new ArrayDataset(X, Y), { batch_size: 16, shuffle: true });
    expect(loader.length).toBe(4);
    for (let epoch = 0; epoch < 30; epoch++) {
      for (const [x, y] of loader as Iterable<[ReturnType<typeof nd.ones>, ReturnType<typeof nd.ones>]>) {
        const l = autograd.record(() => loss(net(x), y));
        l.backward();
        trainer.step(x.shape[0]!);
      }
    }
    expect((vals(net.weight.data()) as number[][])[0]![0]).toBeCloseTo(2, 2);
    expect((vals(net.bias!.data()) as number[])[0]).toBeCloseTo(1, 2);
  });
});

describe('gluon.data', () => {
  it('ArrayDataset rows and DataLoader batches (keep / discard)', () => {
    const ds = new ArrayDataset(nd.arange(10).reshape([5, 2]), [0, 1, 2, 3, 4]);
    expect(ds.length).toBe(5);
    const [x, y] = ds.at(3) as [ReturnType<typeof nd.ones>, number];
    expect(vals(x)).toEqual([6, 7]);
    expect(y).toBe(3);
    const batches = [...new DataLoader(ds, { batch_size: 2 })] as [ReturnType<typeof nd.ones>, ReturnType<typeof nd.ones>][];
    expect(batches.map(([a]) => a.shape)).toEqual([[2, 2], [2, 2], [1, 2]]);
    expect(vals(batches[2]![1])).toEqual([4]);
    expect([...new DataLoader(ds, { batch_size: 2, last_batch: 'discard' })].length).toBe(2);
    expect(() => new ArrayDataset(nd.ones([3]), [1, 2])).toThrow('All arrays must have the same length');
  });
});

describe('without new', () => {
  it('Trainer, ArrayDataset, DataLoader, Parameter and Context construct as Python calls them', async () => {
    const { Context, gluon } = await import('../index.js');
    const net = Dense(1, { in_units: 1 });
    net.initialize();
    expect(gluon.Trainer(net.collect_params(), 'sgd', { learning_rate: 0.1 }).learning_rate).toBe(0.1);
    expect(gluon.data.DataLoader(gluon.data.ArrayDataset(nd.ones([4, 1])), { batch_size: 2 }).length).toBe(2);
    expect(String(gluon.Parameter('w', { shape: [2] }))).toBe('Parameter w (shape=(2,), dtype=float32)');
    expect(String(Context('cpu', 0))).toBe('cpu(0)');
  });
});
