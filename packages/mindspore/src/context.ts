/**
 * `mindspore.set_context(mode=…, device_target=…)`: `device_target` picks the Rosetta backend
 * ('CPU' → cpu; any registered backend name, e.g. 'wasm', is accepted as is). Other keys are stored.
 */
import { listBackends, setBackend } from '@rosetta/core';

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
  Object.assign(context, opts);
}

/** `get_context(attr_key)`. */
export function get_context(attr_key: string): unknown {
  return context[attr_key];
}
