/** `mindspore.ops` (`from mindspore import ops`). */
export * from './functional.js';
export * from './primitives.js';
