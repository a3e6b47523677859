/**
 * `mxnet.autograd`: `with autograd.record(): …` → `autograd.record(() => { … })`.
 * NOTE: the core engine records whenever an input requires grad; outside `record` MXNet records
 * nothing, so `backward()` of a result computed outside `record` raises there and works here.
 */
import { isRecording, isTraining, withScope } from './state.js';

/** `autograd.record(train_mode=True)`: records the operations `fn` runs, in training mode by default. */
export function record<T>(fn: () => T, train_mode = true): T {
  return withScope(true, train_mode, fn);
}

/** `autograd.pause(train_mode=False)`: runs `fn` without recording. */
export function pause<T>(fn: () => T, train_mode = false): T {
  return withScope(false, train_mode, fn);
}

/** `autograd.train_mode()`: training behaviour (Dropout active) without changing recording. */
export function train_mode<T>(fn: () => T): T {
  return withScope(isRecording(), true, fn);
}

/** `autograd.predict_mode()`: inference behaviour without changing recording. */
export function predict_mode<T>(fn: () => T): T {
  return withScope(isRecording(), false, fn);
}

/** `autograd.is_recording()`. */
export const is_recording = (): boolean => isRecording();
/** `autograd.is_training()`. */
export const is_training = (): boolean => isTraining();
