/** `mindspore.common.initializer`. */
export * from './initializers.js';
