import { np } from '@rosetta/core';
import { describe, expect, it } from 'vitest';
import * as torch from './index.js';

describe('printing as PyTorch', () => {
  it('scalars, matrices, ints, bools and the requires_grad / grad_fn suffixes', () => {
    expect(String(torch.tensor(0.54931))).toBe('tensor(0.5493)');
    expect(String(torch.tensor([[1, 0, 2], [1, 2, 3]]))).toBe('tensor([[1., 0., 2.],\n        [1., 2., 3.]])');
    expect(String(torch.tensor([0, 2], { dtype: torch.int64 }))).toBe('tensor([0, 2])');
    expect(String(torch.tensor([1, 0]).gt(0.5))).toBe('tensor([ True, False])');
    expect(String(torch.tensor([1.5, 2.25], { requires_grad: true }))).toBe('tensor([1.5000, 2.2500], requires_grad=True)');
    const x = torch.tensor([2], { requires_grad: true });
    expect(String(x.mul(x))).toBe('tensor([4.], grad_fn=<MulBackward0>)');
    expect(String(torch.tensor([1e-5, 1, 1000]))).toBe('tensor([1.0000e-05, 1.0000e+00, 1.0000e+03])');
    expect(String(torch.tensor([1, 2], { dtype: torch.float64 }))).toBe('tensor([1., 2.], dtype=torch.float64)');
  });
  it('summarizes more than 1000 elements with ...', () => {
    const s = String(torch.arange(2000));
    expect(s).toBe('tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n        1.9990e+03])');
    // the format is chosen from the printed edges only: 1e-6 in the hidden middle does not force scientific
    expect(String(torch.cat([torch.full([3], 0.5), torch.full([1000], 1e-6), torch.full([3], 2.5)]))).toBe('tensor([0.5000, 0.5000, 0.5000,  ..., 2.5000, 2.5000, 2.5000])');
  });
});

describe('creation and dtypes', () => {
  it('numbers are float32 unless a dtype is given; *_like keep dtype', () => {
    expect(torch.tensor([0, 2]).dtype).toBe(torch.float32);
    expect(String(torch.tensor([0, 2], { dtype: torch.long }).dtype)).toBe('torch.int64');
    expect(torch.ones_like(torch.tensor([1], { dtype: torch.float64 })).dtype).toBe(torch.float64);
    expect(torch.zeros(2, 3).shape).toEqual([2, 3]);
    expect(torch.ones([2]).tolist()).toEqual([1, 1]);
    expect(torch.full([2], 7).tolist()).toEqual([7, 7]);
    expect(torch.arange(1, 4).tolist()).toEqual([1, 2, 3]);
    expect(torch.linspace(0, 1, 3).tolist()).toEqual([0, 0.5, 1]);
  });
  it('random draws respect their ranges and manual_seed reproduces them', () => {
    torch.manual_seed(3);
    const a = torch.rand(100).tolist() as number[];
    torch.manual_seed(3);
    expect(torch.rand(100).tolist()).toEqual(a);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    const r = torch.randint(2, 5, { size: [200] });
    expect(r.dtype).toBe(torch.int64);
    expect((r.tolist() as number[]).every((v) => v >= 2 && v < 5)).toBe(true);
    expect([...(torch.randperm(6).tolist() as number[])].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const n = torch.normal(5, 0.1, { size: [1000] });
    expect(n.mean().item()).toBeCloseTo(5, 1);
  });
});

describe('tensor methods', () => {
  it('arithmetic with numbers on either side, reductions, shapes', () => {
    const t = torch.tensor([[1, 2], [3, 4]]);
    expect(torch.sub(1, t).tolist()).toEqual([[0, -1], [-2, -3]]);
    expect(torch.pow(2, t).tolist()).toEqual([[2, 4], [8, 16]]);
    expect(t.sum(1, true).tolist()).toEqual([[3], [7]]);
    expect(t.max(1).values.tolist()).toEqual([2, 4]);
    expect(t.max(1).indices.tolist()).toEqual([1, 1]);
    expect(t.view(4).tolist()).toEqual([1, 2, 3, 4]);
    expect(t.size()).toEqual([2, 2]);
    expect(t.size(-1)).toBe(2);
    expect(t.T.tolist()).toEqual([[1, 3], [2, 4]]);
    expect(t.numpy().toString()).toBe(np.array([[1, 2], [3, 4]]).astype('float32').toString());
    expect(t.long().dtype).toBe(torch.int64);
  });
  it('indexing: slices, picks, None, ..., masks and integer tensors', () => {
    const t = torch.arange(12).view(3, 4);
    expect(t.index(':', 0).tolist()).toEqual([0, 4, 8]);
    expect(t.index(1).tolist()).toEqual([4, 5, 6, 7]);
    expect(t.index('1:', '::2').tolist()).toEqual([[4, 6], [8, 10]]);
    expect(t.index('...', -1).tolist()).toEqual([3, 7, 11]);
    expect(t.index(null).shape).toEqual([1, 3, 4]);
    expect(t.index(t.index(':', 0).gt(3)).tolist()).toEqual([[4, 5, 6, 7], [8, 9, 10, 11]]);
    expect(t.index(':', torch.tensor([3, 0], { dtype: torch.int64 })).tolist()).toEqual([[3, 0], [7, 4], [11, 8]]);
    expect(() => t.index(3)).toThrow('index 3 is out of bounds for dimension 0 with size 3');
  });
  it('autograd attributes and no_grad', () => {
    const w = torch.tensor([1, 2], { requires_grad: true });
    const loss = w.mul(w).sum();
    expect(loss.grad_fn).toBe('<SumBackward0>');
    loss.backward();
    expect(w.grad!.tolist()).toEqual([2, 4]);
    expect(w.is_leaf).toBe(true);
    const z = torch.no_grad(() => w.mul(2));
    expect(z.requires_grad).toBe(false);
  });
});

describe('devices', () => {
  it('set_default_device and to(device) name backends; unknown devices are refused', () => {
    const start = torch.get_default_device();
    expect(start).toBe(process.env.ROSETTA_BACKEND || 'cpu');
    torch.set_default_device('cpu:0');
    expect(torch.get_default_device()).toBe('cpu');
    const onWasm = torch.tensor([1, 2]).to('wasm');
    expect(onWasm.device).toBe('wasm');
    expect(onWasm.mul(2).to('cpu').tolist()).toEqual([2, 4]);
    torch.set_default_device(start);
    expect(torch.tensor([1, 2]).to(torch.float64).dtype).toBe(torch.float64);
    expect(() => torch.set_default_device('cuda')).toThrow('device type at start of device string: cuda');
  });
  it('set_num_threads sets the wasm backend\'s thread count; get_num_threads reads it back', () => {
    const start = torch.get_num_threads();
    torch.set_num_threads(2);
    expect(torch.get_num_threads()).toBe(2);
    const x = torch.randn([600, 600]).to('wasm');
    expect(x.exp().sum().item()).toBeCloseTo(x.to('cpu').exp().sum().item(), 1);
    torch.set_num_threads(start);
    expect(torch.get_num_threads()).toBe(start);
    expect(() => torch.set_num_threads(0)).toThrow('set_num_threads expects a positive integer, got 0');
  });
});

describe('issue 13, defect 8: assignments and conversions fail at the call with PyTorch wording', () => {
  it('t.grad = 0. raises TypeError; a Tensor of another shape or dtype is refused; null clears', () => {
    const t = torch.tensor([1, 2]).requires_grad_();
    expect(() => {
      (t as { grad: unknown }).grad = 0;
    }).toThrow(expect.objectContaining({ name: 'TypeError', message: 'assigned grad expected to be a Tensor or None but got grad of type int' }));
    expect(() => {
      (t as { grad: unknown }).grad = 0.5;
    }).toThrow('assigned grad expected to be a Tensor or None but got grad of type float');
    expect(() => {
      t.grad = torch.tensor([1, 2, 3]);
    }).toThrow('assigned grad has data of a different size');
    expect(() => {
      t.grad = torch.tensor([1, 2], { dtype: torch.float64 });
    }).toThrow('assigned grad has data of a different type');
    t.grad = torch.tensor([3, 4]);
    expect(t.grad!.tolist()).toEqual([3, 4]);
    t.grad = null;
    expect(t.grad).toBeNull();
  });
  it("to('float') and type('float') name the torch.dtype to use", () => {
    const t = torch.tensor([1, 2]);
    expect(() => t.to('float')).toThrow(expect.objectContaining({ name: 'TypeError', message: "to(): a dtype is a torch.dtype, not the string 'float': use torch.float32" }));
    expect(() => t.type('double' as never)).toThrow("type(): argument 'dtype' must be torch.dtype, not str (use torch.float64)");
    expect(() => t.to(3 as never)).toThrow('to() received an invalid combination of arguments - got (int)');
    expect(t.to(torch.float64).dtype).toBe(torch.float64);
  });
});
