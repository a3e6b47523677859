/**
 * MXNet's autograd state: whether operations are being recorded and whether in training mode,
 * and each attached array's `grad_req` ('write' overwrites the gradient on every backward,
 * 'add' accumulates, 'null' stores none).
 */
import { noGrad, withGradMode, type Tensor } from '@rosetta/core';

export type GradReq = 'write' | 'add' | 'null';

let recording = false;
let training = false;
const gradReqs = new WeakMap<Tensor, GradReq>();

/** Runs `fn` with recording and training mode set, restoring both afterwards. */
export function withScope<T>(isRecording: boolean, isTraining: boolean, fn: () => T): T {
  const prev = [recording, training] as const;
  recording = isRecording;
  training = isTraining;
  try {
    return isRecording ? withGradMode(true, fn) : noGrad(fn);
  } finally {
    [recording, training] = prev;
  }
}

export const isRecording = (): boolean => recording;
export const isTraining = (): boolean => training;

/** Marks `t` as a gradient target with `req` (`attach_grad`, Parameter initialization). */
export function attach(t: Tensor, req: GradReq): void {
  if (req === 'null') {
    t.requiresGrad = false;
  } else {
    t.requiresGrad = true;
  }
  t.grad = null;
  gradReqs.set(t, req);
}

/** The grad_req of an attached tensor (undefined when never attached). */
export const gradReqOf = (t: Tensor): GradReq | undefined => gradReqs.get(t);

/**
 * Before a backward pass from `root`: clears the gradients of the leaves it reaches whose grad_req is
 * 'write', so the pass overwrites them as MXNet does (the core engine accumulates).
 */
export function clearWriteGrads(root: Tensor): void {
  const seen = new Set<Tensor>();
  const stack = [root];
  while (stack.length) {
    const t = stack.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    if (t.gradFn) stack.push(...t.gradFn.inputs.filter((i) => i.requiresGrad));
    else if (gradReqs.get(t) === 'write') t.grad = null;
  }
}
