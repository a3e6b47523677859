/**
 * The dtypes each `torch.nn.functional` loss takes, as PyTorch 1.13 does (recorded in
 * `fixtures/bad-input/torch-bad-input.json`): which non-float inputs and targets are promoted and
 * which are refused, and whether the result has the promoted dtype or the input's. The losses cast
 * their tensors with this before calling core, so that core computes in the dtype PyTorch returns.
 */
import { DTypeError, promoteTypes, type DType, type Tensor as CoreTensor } from '@rosetta/core';

const isFloat = (d: DType): boolean => d === 'float32' || d === 'float64';

/** How one loss treats dtypes. */
export interface DTypeRule {
  /** Integer or bool inputs are promoted with the other tensors (`l1_loss`); otherwise refused (`huber_loss`). */
  intInput?: boolean;
  /**
   * The target: cast with the inputs to their promoted dtype ('promote': `mse_loss` of float32 and
   * float64 is float64), cast to the input's dtype ('input': `huber_loss`, `soft_margin_loss` stay
   * float32), or required to have the input's dtype ('same': `binary_cross_entropy`).
   */
  target: 'promote' | 'input' | 'same';
  /** Integer targets are taken (promoted); bool targets are taken. */
  intTarget?: boolean;
  boolTarget?: boolean;
}

/**
 * The tensors of the loss `name` cast as `rule` says: `inputs` (name, tensor) first, then the
 * target (absent for losses without one). Refusals are DTypeErrors naming the loss and the argument.
 */
export function castDTypes(name: string, rule: DTypeRule, inputs: readonly (readonly [string, CoreTensor])[], target?: readonly [string, CoreTensor]): CoreTensor[] {
  for (const [arg, t] of inputs) {
    if (!isFloat(t.dtype) && !rule.intInput) throw new DTypeError(`${name}: ${arg} must be a floating point tensor, got ${t.dtype}`);
  }
  const promoted = inputs.reduce<DType>((d, [, t]) => promoteTypes(d, t.dtype), 'bool');
  if (!isFloat(promoted) && !(target && rule.target === 'promote' && isFloat(target[1].dtype))) {
    // No floating tensor to promote to: PyTorch's reductions and norms refuse integers.
    throw new DTypeError(`${name}: ${inputs[0]![0]} must be a floating point tensor, got ${inputs[0]![1].dtype}`);
  }
  const inDtype = isFloat(promoted) ? promoted : 'float32';
  const out = inputs.map(([, t]) => (t.dtype === inDtype ? t : t.cast(inDtype)));
  if (!target) return out;
  const [arg, t] = target;
  if (t.dtype === 'bool' ? !rule.boolTarget : !isFloat(t.dtype) && !rule.intTarget) {
    throw new DTypeError(`${name}: ${arg} of dtype ${t.dtype} is not supported (expected a floating point tensor)`);
  }
  if (rule.target === 'same' && t.dtype !== inDtype) throw new DTypeError(`${name}: ${arg} must have the dtype of the input (${inDtype}), got ${t.dtype}`);
  const dt = rule.target === 'promote' ? promoteTypes(inDtype, t.dtype) : inDtype;
  return [...(dt === inDtype ? out : out.map((x) => x.cast(dt))), t.dtype === dt ? t : t.cast(dt)];
}
