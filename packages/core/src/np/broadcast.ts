/** NumPy broadcasting of two shapes, and index maps from a broadcast result back to an input. */
import { tryBroadcastShapes } from '../shape.js';

function fmtShape(s: readonly number[]): string {
  return s.length === 1 ? `(${s[0]},)` : `(${s.join(',')})`;
}

/** The broadcast shape of `a` and `b`, or a ValueError-style RangeError as NumPy words it. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const r = tryBroadcastShapes(a, b);
  if (!Array.isArray(r)) throw new RangeError(`operands could not be broadcast together with shapes ${fmtShape(a)} ${fmtShape(b)}`);
  return r;
}

/** For each flat index of `outShape`, the flat index of the element of `inShape` it reads. */
export function broadcastIndex(inShape: readonly number[], outShape: readonly number[]): Int32Array {
  const nOut = outShape.reduce((p, d) => p * d, 1);
  const map = new Int32Array(nOut);
  const nd = outShape.length;
  const strides = new Array<number>(nd).fill(0);
  let s = 1;
  for (let i = inShape.length - 1; i >= 0; i--) {
    const axis = nd - inShape.length + i;
    strides[axis] = inShape[i] === 1 ? 0 : s;
    s *= inShape[i]!;
  }
  const idx = new Array<number>(nd).fill(0);
  let off = 0;
  for (let k = 0; k < nOut; k++) {
    map[k] = off;
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax]!++;
      off += strides[ax]!;
      if (idx[ax]! < outShape[ax]!) break;
      off -= strides[ax]! * idx[ax]!;
      idx[ax] = 0;
    }
  }
  return map;
}
