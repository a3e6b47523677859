import { describe, expect, it } from 'vitest';
import * as torch from '../index.js';
import { nn } from '../index.js';

describe('torch.optim', () => {
  it('SGD with momentum matches PyTorch’s rule step by step', () => {
    const p = new nn.Parameter(torch.tensor([1, -2]));
    const opt = new torch.optim.SGD([p], { lr: 0.1, momentum: 0.9, weight_decay: 0.01 });
    let ref = [1, -2];
    let buf: number[] | null = null;
    for (let k = 0; k < 3; k++) {
      opt.zero_grad();
      p.mul(p).sum().backward();
      opt.step();
      const g = ref.map((v) => 2 * v + 0.01 * v);
      buf = buf === null ? g : buf.map((b, i) => 0.9 * b + g[i]!);
      ref = ref.map((v, i) => v - 0.1 * buf![i]!);
    }
    (p.tolist() as number[]).forEach((v, i) => expect(v).toBeCloseTo(ref[i]!, 5));
  });
  it('per-parameter groups take their own options, the rest from the defaults', () => {
    const a = new nn.Parameter(torch.tensor([1]));
    const b = new nn.Parameter(torch.tensor([1]));
    const opt = new torch.optim.SGD([{ params: [a], weight_decay: 1e-5 }, { params: [b], lr: 0.5 }], { lr: 1e-2, momentum: 0.9 });
    expect(opt.param_groups.map((g) => [g.lr, g.weight_decay, g.momentum])).toEqual([[1e-2, 1e-5, 0.9], [0.5, 0, 0.9]]);
    expect(String(opt)).toContain('Parameter Group 0\n    dampening: 0\n    lr: 0.01\n    maximize: False\n    momentum: 0.9\n    nesterov: False\n    weight_decay: 1e-05');
    expect(() => opt.add_param_group({ params: [a] })).toThrow('some parameters appear in more than one parameter group');
    expect(() => new torch.optim.SGD([a], { lr: -1 })).toThrow('Invalid learning rate: -1');
    expect(() => new torch.optim.SGD([a], { nesterov: true })).toThrow('Nesterov momentum requires a momentum and zero dampening');
  });
  it('Adam’s first step moves each weight by lr against the gradient sign; AdamW also decays', () => {
    const p = new nn.Parameter(torch.tensor([1, -1]));
    const opt = new torch.optim.Adam([p], { lr: 0.01 });
    p.mul(3).sum().backward();
    opt.step();
    (p.tolist() as number[]).forEach((v, i) => expect(v).toBeCloseTo([0.99, -1.01][i]!, 6));
    const q = new nn.Parameter(torch.tensor([2]));
    const w = new torch.optim.AdamW([q], { lr: 0.1 });
    q.mul(0).sum().backward();
    w.step();
    expect((q.tolist() as number[])[0]).toBeCloseTo(2 * (1 - 0.1 * 0.01), 6);
  });
  it('zero_grad(set_to_none) and StepLR', () => {
    const p = new nn.Parameter(torch.tensor([1]));
    const opt = new torch.optim.SGD([p], { lr: 1 });
    p.mul(2).sum().backward();
    opt.zero_grad(false);
    expect(p.grad!.tolist()).toEqual([0]);
    opt.zero_grad();
    expect(p.grad).toBeNull();
    const sched = new torch.optim.lr_scheduler.StepLR(opt, 2, { gamma: 0.5 });
    const lrs = [0, 1, 2, 3, 4].map(() => {
      const lr = sched.get_last_lr()[0];
      sched.step();
      return lr;
    });
    expect(lrs).toEqual([1, 1, 0.5, 0.5, 0.25]);
  });
});

describe('without new', () => {
  it('optimizers, schedulers, datasets, loaders and Parameter construct as Python calls them', async () => {
    const { utils } = await import('../index.js');
    const p = nn.Parameter(torch.tensor([1]));
    expect(p).toBeInstanceOf(nn.Parameter);
    const opt = torch.optim.SGD([p], { lr: 0.5 });
    expect(opt).toBeInstanceOf(torch.optim.SGD);
    expect(torch.optim.lr_scheduler.StepLR(opt, 1).get_last_lr()).toEqual([0.5]);
    const ds = utils.data.TensorDataset(torch.arange(4));
    expect(utils.data.DataLoader(ds, { batch_size: 2 }).length).toBe(2);
    expect(torch.optim.AdamW([nn.Parameter(torch.tensor([1]))]).param_groups[0]!.weight_decay).toBe(0.01);
  });
});
