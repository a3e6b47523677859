/**
 * @rosetta/core — the tensor engine under the MindSpore, PyTorch and Gluon facades:
 * lazy tensors lowered to a kernel IR, code-generating backends, tape autograd.
 */
export { Tensor } from './tensor/tensor.js';
export type { TapeNode } from './tensor/tape.js';
export {
  tensor, full, zeros, ones, zerosLike, onesLike, fullLike, arange, linspace, eye,
  rand, randn, uniform, normal, type TensorOptions, type TensorData,
} from './tensor/create.js';
export * from './ops/index.js';
export { toBackend } from './tensor/transfer.js';
export { toNumpy } from './tensor/to-numpy.js';
export { noGrad, isGradEnabled, withGradMode } from './autograd/grad-mode.js';
export { valueAndGrad } from './autograd/value-and-grad.js';
export { traceOps, type TraceEntry } from './autograd/trace.js';
export { reduceLoss, checkReduction, applyWeighting, getLoss, type ReductionMode } from './nn/reduction.js';
export * from './nn/losses/index.js';
export * from './nn/init.js';
export * from './optim/index.js';
export * from './data/index.js';
export type { PrimAttrs, Primitive } from './autograd/primitives.js';
export { setBackend, getBackend, listBackends, registerBackend, withBackend } from './backend/registry.js';
export { setNumThreads, getNumThreads } from './backend/wasm/threads.js';
export type { Backend, DeviceBuffer } from './backend/backend.js';
export { kernelStats, resetKernelStats, type KernelStats } from './stats.js';
export { memoryScope } from './memory/scope.js';
export { keep, endStep, forgetWindows } from './memory/arena.js';
export { memoryStats, type MemoryStats } from './memory/stats.js';
export { manualSeed, defaultGenerator, MT19937 } from './random/index.js';
export { np, NDArray } from './np/index.js';
export { promoteTypes, type DType, type HostArray, type TypedArray } from './dtype.js';
export { inspectSymbol } from './interop/callable.js';
export { Callable, newless, walkNamed, walkNodes, bindArgs, isKeywords, print, pyStr, pyRepr, pyFloatRepr, type Newless, type WalkSpec } from './interop/index.js';
export { checkNumber, checkOptNumber, checkSizes, pyTypeName } from './arg-types.js';
export { bindPyCall, type PySignature } from './interop/index.js';
export { RosettaError, ShapeError, DTypeError, ValueError, BackendError, IndexError, ArgTypeError } from './errors.js';
