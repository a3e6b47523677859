/**
 * PyTorch's tensor printing (`torch/_tensor_str.py` with the default print options: precision 4,
 * threshold 1000, edgeitems 3, linewidth 80): `tensor(0.5493)`, `tensor([[1., 0., 2.], …])`,
 * scientific notation when the magnitudes call for it, `grad_fn=<…>` / `requires_grad=True` suffixes.
 */
import type { Tensor as CoreTensor } from '@rosetta/core';

const PRECISION = 4;
const THRESHOLD = 1000;
const EDGEITEMS = 3;
const LINEWIDTH = 80;

/** How every element of one tensor is formatted (PyTorch's `_Formatter`). */
function formatter(values: number[], dtype: string): (v: number) => string {
  if (dtype === 'bool') return (v) => (v ? 'True' : 'False');
  if (dtype !== 'float32' && dtype !== 'float64') return (v) => String(v);
  const finite = values.filter((v) => Number.isFinite(v));
  const nonzero = finite.map(Math.abs).filter((v) => v !== 0);
  let fmt: (v: number) => string;
  if (nonzero.length === 0) {
    fmt = (v) => (Number.isFinite(v) ? `${v.toFixed(0)}.` : special(v));
  } else {
    const max = Math.max(...nonzero);
    const min = Math.min(...nonzero);
    const intMode = finite.every((v) => Math.ceil(v) === v);
    if (intMode) {
      fmt = max / min > 1000 || max > 1e8 ? (v) => sci(v) : (v) => (Number.isFinite(v) ? `${v.toFixed(0)}.` : special(v));
    } else {
      fmt = max / min > 1000 || max > 1e8 || min < 1e-4 ? (v) => sci(v) : (v) => (Number.isFinite(v) ? v.toFixed(PRECISION) : special(v));
    }
  }
  return fmt;
}

const special = (v: number): string => (Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf');

/** `{:.4e}` as Python writes it: `1.0000e+08`. */
function sci(v: number): string {
  if (!Number.isFinite(v)) return special(v);
  const [m, e] = v.toExponential(PRECISION).split('e');
  const exp = Number(e);
  return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** The nested body (`[[1., 2.],\n        [3., 4.]]`) of values with shape `shape`, indented by `indent`. */
function body(values: number[], shape: number[], fmt: (v: number) => string, indent: number, summarize: boolean): string {
  const width = Math.max(...(summarize ? summarizedValues(values, shape) : values).map((v) => fmt(v).length));
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const rec = (dim: number, offset: number, ind: number): string => {
    const n = shape[dim]!;
    const idx = summarize && n > 2 * EDGEITEMS ? [...range(0, EDGEITEMS), -1, ...range(n - EDGEITEMS, n)] : range(0, n);
    if (dim === shape.length - 1) {
      const items = idx.map((i) => (i === -1 ? ' ...' : fmt(values[offset + i]!).padStart(width)));
      const perLine = Math.max(1, Math.floor((LINEWIDTH - ind) / (width + 2)));
      const lines: string[] = [];
      for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(', '));
      return `[${lines.join(`,\n${' '.repeat(ind + 1)}`)}]`;
    }
    const sep = `,${'\n'.repeat(shape.length - dim - 1)}${' '.repeat(ind + 1)}`;
    return `[${idx.map((i) => (i === -1 ? '...' : rec(dim + 1, offset + i * strides[dim]!, ind + 1))).join(sep)}]`;
  };
  return rec(0, 0, indent);
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);

/** The values a summarized print shows (PyTorch's `get_summarized_data`: edge items of every axis). */
function summarizedValues(values: number[], shape: number[]): number[] {
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const out: number[] = [];
  const rec = (dim: number, offset: number) => {
    if (dim === shape.length) return void out.push(values[offset]!);
    const n = shape[dim]!;
    const idx = n > 2 * EDGEITEMS ? [...range(0, EDGEITEMS), ...range(n - EDGEITEMS, n)] : range(0, n);
    for (const i of idx) rec(dim + 1, offset + i * strides[dim]!);
  };
  rec(0, 0);
  return out;
}

/** `repr(tensor)` as PyTorch prints it; `suffix` holds extras such as `grad_fn=<MulBackward0>`. */
export function formatTensor(t: CoreTensor, suffixes: string[] = []): string {
  const data = Array.from(t.dataSync() as ArrayLike<number | bigint>, Number);
  const shape = t.shape;
  const summarize = data.length > THRESHOLD;
  const fmt = formatter(summarize ? summarizedValues(data, shape) : data, t.dtype);
  const extras = [...suffixes];
  if (t.dtype !== 'float32' && t.dtype !== 'int64' && t.dtype !== 'bool') extras.unshift(`dtype=torch.${t.dtype}`);
  let inner: string;
  if (data.length === 0) {
    inner = '[]';
    if (shape.length !== 1 || shape[0] !== 0) extras.unshift(`size=(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`);
  } else if (shape.length === 0) {
    inner = fmt(data[0]!);
  } else {
    inner = body(data, shape, fmt, 'tensor('.length, summarize);
  }
  return `tensor(${inner}${extras.length ? `, ${extras.join(', ')}` : ''})`;
}
