import { describe, expect, it } from 'vitest';
import * as torch from '../index.js';
import type { Tensor } from '../tensor.js';
import * as F from './functional/index.js';
import * as nn from './index.js';

class Net extends nn.Module {
  fc1 = nn.Linear(2, 4);
  body = nn.Sequential(nn.Linear(4, 3), nn.ReLU());
  override forward(x: Tensor) {
    return this.body(F.relu(this.fc1(x)));
  }
}

describe('nn.Module', () => {
  it('finds parameters by field with dotted names, and children/modules', () => {
    const net = new Net();
    expect(net.named_parameters().map(([n]) => n)).toEqual(['fc1.weight', 'fc1.bias', 'body.0.weight', 'body.0.bias']);
    expect(net.named_children().map(([n]) => n)).toEqual(['fc1', 'body']);
    expect(net.modules().length).toBe(5);
    expect(net(torch.ones(5, 2)).shape).toEqual([5, 3]);
    expect(String(net)).toBe('Net(\n  (fc1): Linear(in_features=2, out_features=4, bias=True)\n  (body): Sequential(\n    (0): Linear(in_features=4, out_features=3, bias=True)\n    (1): ReLU()\n  )\n)');
  });
  it('Linear draws weight and bias from U(−1/√in, 1/√in) and computes x·Wᵀ + b', () => {
    const l = nn.Linear(16, 200);
    const w = (l.weight.tolist() as number[][]).flat();
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(0.25);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.24);
    const x = torch.randn(3, 16);
    const ref = x.matmul(l.weight.t()).add(l.bias!);
    expect(l(x).tolist()).toEqual(ref.tolist());
    expect(() => l(torch.ones(2, 3))).toThrow('mat1 and mat2 shapes cannot be multiplied (2x3 and 16x200)');
  });
  it('train/eval, zero_grad, state_dict round trip, buffers, apply', () => {
    const net = new Net();
    net.eval();
    expect(net.modules().every((m) => !m.training)).toBe(true);
    net(torch.ones(1, 2)).sum().backward();
    expect(net.fc1.weight.grad).not.toBeNull();
    net.zero_grad();
    expect(net.fc1.weight.grad).toBeNull();
    net.register_buffer('running', torch.zeros(2));
    const sd = net.state_dict();
    expect(Object.keys(sd)).toEqual(['fc1.weight', 'fc1.bias', 'body.0.weight', 'body.0.bias', 'running']);
    const other = new Net();
    other.register_buffer('running', torch.ones(2));
    other.load_state_dict(sd);
    expect(other.fc1.weight.tolist()).toEqual(net.fc1.weight.tolist());
    expect(() => other.load_state_dict({})).toThrow(/Missing key\(s\) in state_dict: "fc1.weight"/);
    const seen: string[] = [];
    net.apply((m) => seen.push(m._className()));
    expect(seen.at(-1)).toBe('Net');
  });
  it('Parameter prints as PyTorch and requires grad', () => {
    const p = new nn.Parameter(torch.tensor([1, 2]));
    expect(p.requires_grad).toBe(true);
    expect(String(p)).toBe('Parameter containing:\ntensor([1., 2.], requires_grad=True)');
  });
});

describe('Module.to', () => {
  it('casts every parameter in place and keeps them trainable; to(device) names backends', () => {
    const net = nn.Linear(2, 1);
    const opt = torch.optim.SGD(net.parameters(), { lr: 0.1 });
    net.double();
    expect(net.parameters().every((p) => p.dtype === torch.float64 && p.requires_grad && p.is_leaf)).toBe(true);
    const x = torch.ones(3, 2, { dtype: torch.float64 });
    net(x).sum().backward();
    const before = net.weight.tolist() as number[][];
    opt.step();
    // d(sum)/dW = Σ x = 3 per weight: each moves by −0.1·3
    (net.weight.tolist() as number[][])[0]!.forEach((v, i) => expect(v).toBeCloseTo(before[0]![i]! - 0.3, 12));
    expect(net.to('cpu')).toBe(net);
    expect(() => net.to('cuda')).toThrow('device type at start of device string: cuda');
  });
});
