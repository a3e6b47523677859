/**
 * @rosetta/onnx — ONNX for Rosetta: a small graph builder, a cached onnxruntime-node runner,
 * `exportOnnx` (core's trace → ONNX), `crossCheck` (engine on every backend vs ORT) and
 * reference graphs written from ONNX's own ops.
 */
export { GraphBuilder, DEFAULT_OPSET, IR_VERSION, type Dim, type GraphBuilderOptions } from './builder/graph.js';
export { makeAttribute, type AttrValue } from './builder/attributes.js';
export { elemTypeOf, dtypeOfElemType, toTypedArray, rawBytes, fromRawBytes, type HostData } from './builder/dtypes.js';
export { encodeModel, decodeModel } from './proto/codec.js';
export { DataType, AttributeType } from './proto/types.js';
export type { ModelProto, GraphProto, NodeProto, TensorProto, AttributeProto, ValueInfoProto } from './proto/types.js';
export { runOnnx, releaseSessions, type HostTensor, type FeedValue } from './runtime/run.js';
export { exportOnnx, type ExportOptions, type ExportedModel, type ExportResult } from './export/export.js';
export { lowerings, onnxSliceBounds } from './export/lower.js';
export { crossCheck, type CrossCheckOptions, type CrossCheckReport, type BackendCheck, type OutputCheck } from './check/cross-check.js';
export { formatCrossCheck } from './check/format.js';
export { diffArrays, defaultTolerance, type Diff } from './check/diff.js';
export { softmaxCrossEntropyReference, nllReference, type NllReferenceOptions, type ReferenceModel, type ClassLossOptions, type OnnxReduction } from './reference/index.js';
export { runLossSuite, formatSuite, type SuiteRow } from './suite/run-suite.js';
export { LOSS_CASES, type LossCase } from './suite/builtin-losses.js';
export { ALL_LOSS_CASES } from './suite/all-cases.js';
