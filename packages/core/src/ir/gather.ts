import type { DeviceBuffer } from '../backend/backend.js';
import { sizeOf } from '../shape.js';
import { noteLaunch } from '../stats.js';
import { mkConst, mkLoad, type Lazy, type LLoad } from './lazy.js';
import { mapLeaves } from './movement.js';
import { realize } from './schedule.js';
import type { GatherSpec } from './special.js';
import { contiguousView } from './view.js';

/** Runs the gather kernel on a contiguous buffer. */
function gatherBuffer(src: DeviceBuffer, spec: GatherSpec, index: DeviceBuffer): LLoad {
  const out = src.backend.empty(src.dtype, sizeOf(spec.shape));
  src.backend.gather(spec, src, index, out);
  noteLaunch(false);
  return mkLoad(out, contiguousView(spec.shape));
}

/**
 * `torch.gather` on a lazy value. Gathering commutes with elementwise ops, so it moves to the
 * leaves: a leaf broadcast along `axis` (a row maximum, a log-normalizer) is only re-viewed, and
 * only the other leaves run the gather kernel. So `logSoftmax(x).gather(1, labels)` reads x at
 * the labels and never writes the full log-probabilities.
 */
export function lzGather(n: Lazy, spec: GatherSpec, index: DeviceBuffer): Lazy {
  const leaf = (l: Lazy): Lazy | null => {
    if (l.kind === 'const' && !l.buf) return mkConst(l.value, l.dtype, spec.shape, l.backend);
    const view = l.buf ? null : l.kind === 'load' ? l.view : undefined;
    if (view === undefined) return null;
    if (view && view.mask === null && view.strides[spec.axis] === 0 && l.kind === 'load') {
      return mkLoad(l.src, { shape: spec.shape, strides: view.strides, offset: view.offset, mask: null });
    }
    return gatherBuffer(realize(l), spec, index);
  };
  return mapLeaves(n, leaf) ?? gatherBuffer(realize(n), spec, index);
}
