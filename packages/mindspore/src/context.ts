/**
 * `mindspore.set_context(mode=…, device_target=…, runtime_num_threads=…)`: `device_target` picks the
 * Rosetta backend ('CPU' → cpu; any registered backend name, e.g. 'wasm', is accepted as is);
 * `runtime_num_threads` sets the wasm backend's thread count (`setNumThreads`). Other keys are stored.
 */
import { listBackends, setBackend, setNumThreads } from '@rosetta/core';

const context: Record<string, unknown> = { mode: 0, device_target: 'CPU' };

export function set_context(opts: Record<string, unknown>): void {
  if ('device_target' in opts) {
    const target = String(opts.device_target);
    const backend = target.toLowerCase() === 'cpu' ? 'cpu' : target.toLowerCase();
    if (!listBackends().includes(backend)) {
      throw new Error(`For 'set_context', the 'device_target' must be one of ${['CPU', ...listBackends().filter((b) => b !== 'cpu')].join(', ')}, but got ${target}.`);
    }
    setBackend(backend);
  }
  if ('runtime_num_threads' in opts) {
    const n = opts.runtime_num_threads;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
      throw new Error(`For 'set_context', the 'runtime_num_threads' must be a positive int, but got ${String(n)}.`);
    }
    setNumThreads(n);
  }
  Object.assign(context, opts);
}

/** `get_context(attr_key)`. */
export function get_context(attr_key: string): unknown {
  return context[attr_key];
}
