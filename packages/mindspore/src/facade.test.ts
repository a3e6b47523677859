import { MT19937, getNumThreads, np } from '@rosetta/core';
import { describe, expect, it } from 'vitest';
import * as ms from './index.js';
import { Normal, initializer } from './common/initializer/index.js';
import { GeneratorDataset } from './dataset/index.js';
import { LossMonitor, Model } from './train/index.js';
import type { TensorImpl } from './tensor.js';

const { Tensor, nn, ops } = ms;

describe('Tensor', () => {
  it('builds with and without new, prints as NumPy, keeps np dtypes, takes ms dtypes', () => {
    const t = Tensor(np.array([[1, 0, 2], [1, 2, 3]]).astype(np.float32));
    expect(new Tensor([1, 2]).shape).toEqual([2]);
    expect(String(t)).toBe('[[1. 0. 2.]\n [1. 2. 3.]]');
    expect(String(t.dtype)).toBe('Float32');
    expect(Tensor([1, 2], ms.int32).dtype).toBe(ms.int32);
    expect(String(Tensor(np.array([1.5]).astype(np.float64)).dtype)).toBe('Float64');
    expect(String(t.asnumpy())).toBe('[[1. 0. 2.]\n [1. 2. 3.]]');
    expect(String(t.mean())).toBe('1.5');
  });
});

describe('ops', () => {
  it('primitive classes are callable after construction; functions match', () => {
    const x = Tensor([[1, -2], [-3, 4]]);
    expect(String(ops.Abs()(x))).toBe('[[1. 2.]\n [3. 4.]]');
    expect(String(ops.ReduceMean()(x))).toBe('0.0');
    expect(String(ops.ReduceMean(true)(x, 1))).toBe('[[-0.5]\n [ 0.5]]');
    expect(String(ops.ReduceSum({ keep_dims: false })(x, [0, 1]))).toBe('0.0');
    expect(String(ops.Square()(x))).toBe(String(ops.mul(x, x)));
    expect(String(ops.mean(x, 0))).toBe('[-1.  1.]');
    expect(String(ops.Mul()(x, 2))).toBe('[[ 2. -4.]\n [-6.  8.]]');
  });
});

describe('Cell, Dense and parameters', () => {
  class Net extends nn.Cell {
    fc = nn.Dense(2, 3, Normal(0.02), 'zeros');
    out = nn.Dense(3, 1, undefined, undefined, true, 'relu');
    override construct(x: TensorImpl) {
      return this.out(this.fc(x));
    }
  }
  it('names parameters by field path and honours auto_prefix=False', () => {
    const net = new Net();
    expect(net.parameters_and_names().map(([n]) => n)).toEqual(['fc.weight', 'fc.bias', 'out.weight', 'out.bias']);
    expect(net.trainable_params().map((p) => p.name)).toEqual(['fc.weight', 'fc.bias', 'out.weight', 'out.bias']);
    const wrapped = nn.WithLossCell(net, nn.MSELoss());
    expect(wrapped.parameters_and_names().map(([n]) => n)).toEqual(['fc.weight', 'fc.bias', 'out.weight', 'out.bias']);
    expect(net(Tensor([[1, 2]])).shape).toEqual([1, 1]);
    expect(String(net.fc.weight)).toBe('Parameter (name=fc.weight, shape=(3, 2), dtype=Float32, requires_grad=True)');
    expect(net.fc.bias!.tolist()).toEqual([0, 0, 0]);
  });
  it('Dense defaults: W ~ U(−1/√in, 1/√in) and b likewise (MindSpore 2.3)', () => {
    const d = nn.Dense(16, 300);
    const w = (d.weight.tolist() as number[][]).flat();
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(0.25);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.24);
    expect(() => nn.Dense(0, 1)).toThrow("For 'Dense', the 'in_channels' must be a positive int, but got 0.");
  });
  it('initializer(Normal(0.02), shape) draws N(0, 0.02²)', () => {
    // 40 000 draws: the sample std's spread is 0.02/√80 000 ≈ 7e-5, seven times under the tolerance.
    ms.set_seed(3);
    const t = initializer(Normal(0.02), [40000]);
    const v = t.tolist() as number[];
    const std = Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);
    expect(std).toBeCloseTo(0.02, 3);
  });
});

describe('value_and_grad and optimizers', () => {
  it('grads of weights for grad_position=None; Momentum applies v ← μv + g, p ← p − lr·v', () => {
    const net = nn.Dense(1, 1, 'ones', 'zeros');
    const fn = (x: TensorImpl, y: TensorImpl) => net(x).sub(y).square().mean();
    const grad_fn = ms.value_and_grad(fn, null, net.trainable_params());
    const [loss, grads] = grad_fn(Tensor([[1], [2]]), Tensor([[0], [0]]));
    expect(loss.item()).toBeCloseTo((1 + 4) / 2, 6);
    const g = grads as TensorImpl[];
    expect(g[0]!.tolist()).toEqual([[5]]); // d/dw mean((w·x)²) = mean(2·x²) = 5
    expect(g[1]!.tolist()).toEqual([3]); // d/db = mean(2·x) = 3
    const opt = nn.Momentum(net.trainable_params(), { learning_rate: 0.1, momentum: 0.9 });
    opt(g);
    opt(g);
    // v1 = g, p1 = 1 − 0.1·5; v2 = 0.9·5 + 5, p2 = p1 − 0.1·9.5
    expect((net.weight.tolist() as number[][])[0]![0]).toBeCloseTo(1 - 0.5 - 0.95, 6);
  });
  it('grads of an input (grad_position=0)', () => {
    const [, g] = ms.value_and_grad((x: TensorImpl) => x.mul(x).sum())(Tensor([1, 2]));
    expect((g as TensorImpl).tolist()).toEqual([2, 4]);
  });
});

describe('dataset and Model', () => {
  const rows = Array.from({ length: 10 }, (_, i) => [np.array([i]).astype(np.float32), np.array([2 * i]).astype(np.float32)]);
  it('GeneratorDataset batches rows; a list is shuffled unless shuffle=false', () => {
    const ds = GeneratorDataset(rows, { column_names: ['data', 'label'], shuffle: false }).batch(4);
    expect(ds.get_dataset_size()).toBe(3);
    const batches = [...ds.create_tuple_iterator()];
    expect(batches.map(([d]) => d!.shape)).toEqual([[4, 1], [4, 1], [2, 1]]);
    expect(batches[0]![1]!.tolist()).toEqual([[0], [2], [4], [6]]);
    const dicts = [...GeneratorDataset(rows, ['data', 'label']).create_dict_iterator()];
    expect(dicts.map((r) => (r.data!.tolist() as number[])[0]).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(GeneratorDataset(rows, ['data', 'label']).batch(3, true).get_dataset_size()).toBe(3);
    const gen = GeneratorDataset(function* () { yield [1, 2]; yield [3, 4]; }, ['a', 'b']);
    expect([...gen].map((r) => r.map((t) => t.item()))).toEqual([[1, 2], [3, 4]]);
  });
  it('Model.train runs the epochs, LossMonitor prints MindSpore’s line, and the loss falls', async () => {
    ms.set_seed(1);
    const rng = new MT19937(3);
    const data = Array.from({ length: 64 }, () => {
      const x = rng.randomSample() * 2 - 1;
      return [np.array([x]).astype(np.float32), np.array([3 * x + 1]).astype(np.float32)];
    });
    const net = nn.Dense(1, 1);
    const model = Model(net, nn.MSELoss(), nn.Momentum(net.trainable_params(), { learning_rate: 0.05, momentum: 0.9 }), { metrics: ['loss', 'mae'] });
    const lines: string[] = [];
    const orig = console.log;
    console.log = (s: string) => lines.push(s);
    try {
      await model.train(20, GeneratorDataset(data, ['x', 'y']).batch(16), { callbacks: [LossMonitor(4)] });
    } finally {
      console.log = orig;
    }
    expect(lines.length).toBe(20);
    lines.forEach((l, i) => expect(l).toMatch(new RegExp(`^epoch: ${i + 1} step: 4, loss is \\d+\\.\\d+(e-\\d+)?$`)));
    const first = Number(lines[0]!.split('loss is ')[1]);
    const last = Number(lines[19]!.split('loss is ')[1]);
    expect(last).toBeLessThan(first / 10);
    const metrics = await model.eval(GeneratorDataset(data, ['x', 'y'], { shuffle: false }).batch(16));
    expect(metrics.loss).toBeLessThan(0.05);
    expect(metrics.mae).toBeLessThan(0.2);
    expect(() => LossMonitor(-1)).toThrow("the argument 'per_print_times' must be a non-negative int");
  });
});

describe('metrics without new', () => {
  it('nn.MAE() accumulates |y − ŷ| over updates', () => {
    const m = nn.MAE();
    m.clear();
    m.update(Tensor([[1], [2]]), Tensor([[0], [4]]));
    m.update(Tensor([[1]]), Tensor([[1]]));
    expect(m.eval()).toBeCloseTo(1, 6);
    expect(() => nn.Accuracy().eval()).toThrow("needs at least one update");
  });
});

describe('indexing', () => {
  it('x[:, 0] → x.index(":", 0); x[mask] → x.index(mask)', () => {
    const x = Tensor([[1, 2], [3, 4], [5, 6]]);
    expect(String(x.index(':', 0))).toBe('[1. 3. 5.]');
    expect(String(x.index(x.index(':', 0).gt(2)))).toBe('[[3. 4.]\n [5. 6.]]');
  });
});

describe('SGD, Adam and TimeMonitor', () => {
  it('SGD with dampening and Adam with MindSpore’s ε-hat step', () => {
    const p = nn.Dense(1, 1, 'ones', 'zeros', false);
    const g = [Tensor([[2]])];
    const sgd = nn.SGD(p.trainable_params(), { learning_rate: 0.1, momentum: 0.5, dampening: 0.2 });
    sgd(g);
    sgd(g);
    // v1 = g = 2 → w = 0.8; v2 = 0.5·2 + 0.8·2 = 2.6 → w = 0.54
    expect((p.weight.tolist() as number[][])[0]![0]).toBeCloseTo(0.54, 6);
    const q = nn.Dense(1, 1, 'ones', 'zeros', false);
    nn.Adam(q.trainable_params(), { learning_rate: 0.01 })([Tensor([[3]])]);
    // first step: lr·√(1−β2)/(1−β1) · m/(√v + ε) with m = 0.3, v = 0.009 → 0.01·(1 − ~3e-8)
    expect((q.weight.tolist() as number[][])[0]![0]).toBeCloseTo(0.99, 6);
    expect(() => nn.SGD(q.trainable_params(), { nesterov: true })).toThrow("if 'nesterov' is true, 'momentum' must be > 0.0");
  });
  it('TimeMonitor prints epoch and per-step time in ms', async () => {
    const { TimeMonitor } = await import('./train/index.js');
    const net = nn.Dense(1, 1);
    const model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params()));
    const rows = Array.from({ length: 8 }, (_, i) => [np.array([i]).astype(np.float32), np.array([i]).astype(np.float32)]);
    const lines: string[] = [];
    const orig = console.log;
    console.log = (s: string) => lines.push(s);
    try {
      await model.train(2, GeneratorDataset(rows, ['x', 'y']).batch(4), { callbacks: [TimeMonitor()] });
    } finally {
      console.log = orig;
    }
    expect(lines).toHaveLength(2);
    lines.forEach((l) => expect(l).toMatch(/^epoch time: \d+\.\d{3} ms, per step time: \d+\.\d{3} ms$/));
  });
});

describe('context', () => {
  it('set_context: device_target picks the backend, runtime_num_threads the wasm thread count', () => {
    const start = ms.get_context('device_target');
    ms.set_context({ device_target: 'wasm', runtime_num_threads: 2 });
    expect(getNumThreads()).toBe(2);
    expect(ms.get_context('runtime_num_threads')).toBe(2);
    expect(String(ops.ReduceSum()(Tensor([[1, 2], [3, 4]])))).toBe('10.0');
    ms.set_context({ device_target: start, runtime_num_threads: 1 });
    expect(getNumThreads()).toBe(1);
    expect(() => ms.set_context({ runtime_num_threads: -1 })).toThrow("For 'set_context', the 'runtime_num_threads' must be a positive int, but got -1.");
    expect(() => ms.set_context({ device_target: 'Ascend' })).toThrow("the 'device_target' must be one of CPU, wasm");
  });
});
