/**
 * MindSpore's input checks of the `nn` losses, with MindSpore's wording (`For 'L1Loss', …`), run
 * when a loss is called, before any core work. Each names the check of MindSpore 2.3 it mirrors;
 * where MindSpore raises from an inner primitive (`Sub`, `GatherD`), the message names the loss
 * class and its argument instead. No loss math here.
 */
import { ArgTypeError, ShapeError, ValueError, type DType, type Tensor as Core } from '@rosetta/core';
import { Type } from '../../dtype.js';

/** A shape as Python prints a tuple: `(2, 3)`, `(2,)`, `()`. */
export const tuple = (s: readonly number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

const FLOATS: readonly DType[] = ['float32', 'float64'];

/**
 * `_checkparam.check_type_name(arg, dtype, valid, cls)`: `For 'CrossEntropyLoss', the 'labels'
 * should be Int32, but got 'Int64'.` / `… should be one of [Float16, Float32], but got 'Int32'.`
 * NOTE: Rosetta's tensors have no float16, so it is never accepted; MindSpore's lists name it.
 */
export function checkDType(cls: string, arg: string, t: Core, valid: readonly DType[], names: readonly string[] = valid.map((d) => String(Type.of(d)))): void {
  if (valid.includes(t.dtype)) return;
  const want = names.length === 1 ? names[0] : `one of [${names.join(', ')}]`;
  throw new ArgTypeError(`For '${cls}', the '${arg}' should be ${want}, but got '${Type.of(t.dtype)}'.`);
}

/**
 * A floating input of an elementwise loss. MindSpore's arithmetic (`Sub`, `Mul`) takes any number
 * type but not Bool (`CheckMathBinaryOpTensorType` with `common_valid_types`); its docs give
 * float16/float32 for the losses. NOTE: Rosetta's losses take float32/float64 only.
 */
export function checkFloat(cls: string, arg: string, t: Core): void {
  checkDType(cls, arg, t, FLOATS, ['Float16', 'Float32', 'Float64']);
}

/**
 * `CheckAndConvertUtils::CheckTensorTypeSame`: inputs of one loss must share a dtype
 * (`For 'SmoothL1Loss', the dtype of 'labels' (Float64) must be the same as 'logits' (Float32).`).
 */
export function checkSameDType(cls: string, a: string, ta: Core, b: string, tb: Core): void {
  if (ta.dtype !== tb.dtype) {
    throw new ArgTypeError(`For '${cls}', the dtype of '${b}' (${Type.of(tb.dtype)}) must be the same as '${a}' (${Type.of(ta.dtype)}).`);
  }
}

/**
 * `CalBroadCastShape` (core/ops/op_utils.cc): `For 'Sub', x.shape and y.shape need to broadcast.
 * The value of x.shape[1] or y.shape[0] must be 1 or -1 when they are not the same, …`, worded for
 * the loss and its arguments.
 */
export function checkBroadcast(cls: string, names: readonly string[], shapes: readonly (readonly number[])[]): void {
  const out: number[] = [];
  shapes.forEach((s, k) => {
    if (s.length > out.length) out.unshift(...new Array<number>(s.length - out.length).fill(1));
    s.forEach((d, i) => {
      const j = out.length - s.length + i;
      if (out[j] === 1) out[j] = d;
      else if (d !== 1 && d !== out[j]) {
        const got = names.slice(0, k + 1).map((n, m) => `${n}.shape = ${tuple(shapes[m]!)}`).join(' and ');
        throw new ShapeError(`For '${cls}', ${names.slice(0, k + 1).map((n) => `${n}.shape`).join(' and ')} need to broadcast, but got ${got}.`);
      }
    });
  });
}

/**
 * `abstract::CheckShapeSame` (core/abstract/param_validator.cc): `For 'SmoothL1Loss', the shape of
 * two args should be same, …`, naming the arguments.
 */
export function checkSameShape(cls: string, a: string, ta: Core, b: string, tb: Core): void {
  if (ta.shape.join() !== tb.shape.join()) {
    throw new ShapeError(`For '${cls}', the shape of '${a}' ${tuple(ta.shape)} and the shape of '${b}' ${tuple(tb.shape)} should be same.`);
  }
}

/** An input's rank (`CheckAndConvertUtils::CheckInteger("dimension of logits", …)`). */
export function checkRank(cls: string, arg: string, t: Core, ranks: readonly number[]): void {
  if (!ranks.includes(t.ndim)) {
    throw new ShapeError(`For '${cls}', the dimension of '${arg}' must be ${ranks.join(' or ')}, but got ${t.ndim} (shape ${tuple(t.shape)}).`);
  }
}

/**
 * A loss reduced over an empty input has no value in MindSpore: its CPU reduce kernels warn with
 * `CheckShapeNull` (ccsrc/kernel/kernel.h) and leave the output unwritten. Rosetta raises that
 * warning as the error.
 */
export function checkNotEmpty(cls: string, arg: string, t: Core): void {
  if (t.size === 0) throw new ValueError(`For '${cls}', the shape of '${arg}' cannot contain zero, but got ${tuple(t.shape)}.`);
}

/** The values of a small integer input (class indices), or null on a backend without sync reads. */
function hostInts(t: Core): number[] | null {
  if (!t.backend.syncRead) return null;
  return Array.from(t.detach().dataSync() as ArrayLike<number | bigint>, Number);
}

/**
 * Class indices must lie in [0, C) (or equal `ignore`): MindSpore's `GatherD` CPU kernel raises
 * `For 'GatherD', the value of 'index' must be in [-C, C), but got: …` and wraps negative ones,
 * `OneHot` zero-fills, `MultiMarginLoss` raises `Target out of range.`; the losses document [0, C).
 * NOTE: Rosetta refuses negative indices too, instead of wrapping them.
 */
export function checkClassIndices(cls: string, arg: string, t: Core, C: number, ignore?: number): void {
  const bad = hostInts(t)?.find((v) => (v < 0 || v >= C) && v !== ignore);
  if (bad !== undefined) throw new ValueError(`For '${cls}', the value of '${arg}' must be in [0, ${C}), but got: ${bad}`);
}
