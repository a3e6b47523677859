import { record } from '../autograd/record.js';
import { DTypeError, fmtShape, ShapeError, ValueError } from '../errors.js';
import { isFloat } from '../dtype.js';
import type { GatherSpec } from '../ir/special.js';
import { mkConst, mkLoad } from '../ir/lazy.js';
import { lzGather } from '../ir/gather.js';
import { realize } from '../ir/schedule.js';
import { contiguousView } from '../ir/view.js';
import { normAxis } from '../shape.js';
import { noteLaunch } from '../stats.js';
import { Tensor } from '../tensor/tensor.js';
import { add } from './elementwise.js';

/**
 * Checks class-index style input: an integer tensor, or a float tensor holding whole numbers
 * (CONVENTIONS.md), each in [0, bound) (bound may be Infinity). Values are read on backends that read synchronously.
 */
export function checkIndices(op: string, what: string, index: Tensor, bound: number): void {
  if (index.dtype === 'bool') throw new DTypeError(`${op}: ${what} must be an integer tensor, got bool`);
  if (!index.backend.syncRead) return;
  const data = index.backend.readSync(realize(index.lazy));
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (isFloat(index.dtype) && !Number.isInteger(v)) {
      throw new DTypeError(`${op}: ${what} must hold whole numbers, got ${v} (at position ${i})`);
    }
    if (v < 0 || v >= bound) {
      const range = Number.isFinite(bound) ? `is out of bounds for size ${bound}` : 'must be non-negative';
      throw new ValueError(`${op}: ${what} ${v} ${range} (at position ${i})`);
    }
  }
}

function gatherSpec(op: string, x: Tensor, axis: number, index: Tensor): GatherSpec {
  const a = normAxis(op, axis, x.ndim);
  if (index.ndim !== x.ndim) throw new ShapeError(`${op}: index tensor must have the same number of dimensions as input tensor (${index.ndim} vs ${x.ndim})`);
  index.lazy.shape.forEach((d, i) => {
    if (i !== a && d > x.lazy.shape[i]!) {
      throw new ShapeError(`${op}: size of index ${fmtShape(index.shape)} does not fit input ${fmtShape(x.shape)} at dimension ${i}`);
    }
  });
  checkIndices(op, 'index', index, x.lazy.shape[a]!);
  return { axis: a, shape: index.shape, srcShape: x.shape };
}

/**
 * out[i][j] = x[i][index[i][j]] along `axis` (`torch.gather`). On a lazy x the gather moves to
 * its leaves (`lzGather`), so the full x is never written.
 */
export function gather(x: Tensor, axis: number, index: Tensor): Tensor {
  const spec = gatherSpec('gather', x, axis, index);
  const out = new Tensor(lzGather(x.lazy, spec, realize(index.lazy)), x.backend);
  return record('gather', [x, index], { axis: spec.axis }, out);
}

/** base with src added at the indexed positions along `axis` (`torch.scatter_add`, out of place). */
export function scatterAdd(base: Tensor, axis: number, index: Tensor, src: Tensor): Tensor {
  const spec = gatherSpec('scatterAdd', base, axis, index);
  if (src.shape.join() !== index.shape.join()) {
    throw new ShapeError(`scatterAdd: src ${fmtShape(src.shape)} must have the shape of index ${fmtShape(index.shape)}`);
  }
  const out = base.backend.alloc(base.dtype, base.size);
  base.backend.scatterAdd(spec, realize(index.lazy), realize(src.cast(base.dtype).lazy), out);
  noteLaunch(false);
  const scattered = new Tensor(mkLoad(out, contiguousView(spec.srcShape)), base.backend);
  const result = base.lazy.kind === 'const' && base.lazy.value === 0 ? scattered : add(base.detach(), scattered).detach();
  return record('scatterAdd', [base, index, src], { axis: spec.axis }, result);
}

/** A zero tensor shaped like `x` (no allocation until used). */
export function zerosLazyLike(x: Tensor): Tensor {
  return new Tensor(mkConst(0, x.dtype, x.lazy.shape, x.backend), x.backend);
}
