import { record } from '../autograd/record.js';
import { DTypeError, fmtShape, ShapeError } from '../errors.js';
import { isFloat, promoteTypes } from '../dtype.js';
import { mkLoad } from '../ir/lazy.js';
import { realize, realizeAsLoad } from '../ir/schedule.js';
import type { MatmulSpec } from '../ir/special.js';
import { contiguousView, type View } from '../ir/view.js';
import { broadcastShapes, sizeOf } from '../shape.js';
import { noteLaunch } from '../stats.js';
import { Tensor } from '../tensor/tensor.js';
import { expand, squeeze, unsqueeze } from './movement.js';

/** The view a matmul operand is read through: its own (transposes are strides) unless masked or lazy. */
function operandView(t: Tensor): { buf: ReturnType<typeof realize>; view: View } {
  const n = t.lazy;
  if (n.buf) return { buf: n.buf, view: contiguousView(n.shape) };
  if (n.kind === 'load' && n.view.mask === null) return { buf: n.src, view: n.view };
  const l = realizeAsLoad(n) as { src: ReturnType<typeof realize>; view: View };
  return { buf: l.src, view: l.view };
}

/** The primitive: [..., M, K] @ [..., K, N] with equal batch dims. */
function bmm(a: Tensor, b: Tensor): Tensor {
  const r = a.ndim;
  const [m, k] = [a.lazy.shape[r - 2]!, a.lazy.shape[r - 1]!];
  const n = b.lazy.shape[r - 1]!;
  const batch = a.shape.slice(0, r - 2);
  const A = operandView(a);
  const B = operandView(b);
  const spec: MatmulSpec = {
    m, k, n, batch,
    aBatchStrides: A.view.strides.slice(0, r - 2), bBatchStrides: B.view.strides.slice(0, r - 2),
    aStrides: [A.view.strides[r - 2]!, A.view.strides[r - 1]!], aOffset: A.view.offset,
    bStrides: [B.view.strides[r - 2]!, B.view.strides[r - 1]!], bOffset: B.view.offset,
  };
  const shape = [...batch, m, n];
  const out = a.backend.empty(a.dtype, sizeOf(shape));
  a.backend.matmul(spec, A.buf, B.buf, out);
  noteLaunch(false);
  return record('matmul', [a, b], {}, new Tensor(mkLoad(out, contiguousView(shape)), a.backend));
}

/**
 * Matrix product with `torch.matmul`'s rules: 1-D operands gain and then lose a dim, batch dims
 * broadcast. Operands are read through their strides, so `x.transpose(0, 1).matmul(y)` copies nothing.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0) throw new ShapeError(`matmul: both arguments need at least 1 dimension, got shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)}`);
  if (a.dtype === 'bool' || b.dtype === 'bool') throw new DTypeError(`matmul: bool tensors are not supported (got ${a.dtype} and ${b.dtype})`);
  const dtype = promoteTypes(a.dtype, b.dtype);
  if (!isFloat(dtype)) throw new DTypeError(`matmul: expected floating tensors, got ${a.dtype} and ${b.dtype}`);
  let A = a.dtype === dtype ? a : a.cast(dtype);
  let B = b.dtype === dtype ? b : b.cast(dtype);
  const va = a.ndim === 1;
  const vb = b.ndim === 1;
  if (va) A = unsqueeze(A, 0);
  if (vb) B = unsqueeze(B, 1);
  const ka = A.lazy.shape[A.ndim - 1]!;
  const kb = B.lazy.shape[B.ndim - 2]!;
  if (ka !== kb) {
    throw new ShapeError(`matmul: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} cannot be multiplied (${A.lazy.shape[A.ndim - 2]}x${ka} and ${kb}x${B.lazy.shape[B.ndim - 1]})`);
  }
  let batch: number[];
  try {
    batch = broadcastShapes('matmul', A.shape.slice(0, -2), B.shape.slice(0, -2));
  } catch {
    throw new ShapeError(`matmul: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} cannot be multiplied (batch dimensions ${fmtShape(A.shape.slice(0, -2))} and ${fmtShape(B.shape.slice(0, -2))} do not broadcast)`);
  }
  if (A.ndim - 2 !== batch.length || A.shape.slice(0, -2).join() !== batch.join()) A = expand(A, [...batch, ...A.shape.slice(-2)]);
  if (B.ndim - 2 !== batch.length || B.shape.slice(0, -2).join() !== batch.join()) B = expand(B, [...batch, ...B.shape.slice(-2)]);
  let out = bmm(A, B);
  if (va) out = squeeze(out, out.ndim - 2);
  if (vb) out = squeeze(out, out.ndim - 1);
  return out;
}

/** Batch-transpose of the last two dims, used by matmul's VJP. */
export function mT(x: Tensor): Tensor {
  const perm = [...x.shape.keys()];
  perm[perm.length - 1] = perm.length - 2;
  perm[perm.length - 2] = perm.length - 1;
  return x.permute(perm);
}
