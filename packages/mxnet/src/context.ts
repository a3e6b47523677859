/**
 * MXNet contexts (`mx.cpu()`, `mx.Context('cpu', 0)`): where an NDArray lives. Each context names a
 * Rosetta backend; `cpu` is the default.
 * NOTE: MXNet's `gpu(i)` has no counterpart yet; a context may name any registered backend
 * (`mx.Context('wasm')` once the wasm backend is registered).
 */
import { listBackends } from '@rosetta/core';

export class Context {
  constructor(
    readonly device_type: string = 'cpu',
    readonly device_id = 0,
  ) {
    if (!listBackends().includes(device_type)) {
      throw new Error(`Context: unknown device type '${device_type}'; available: ${listBackends().join(', ')}`);
    }
  }

  /** `cpu(0)`, as MXNet prints a context. */
  toString(): string {
    return `${this.device_type}(${this.device_id})`;
  }
}

/** `mx.cpu(device_id=0)`. */
export function cpu(device_id = 0): Context {
  return new Context('cpu', device_id);
}

/** The context new arrays go to (`mx.context.current_context()`). */
export function current_context(): Context {
  return cpu();
}
